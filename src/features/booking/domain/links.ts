/**
 * Links from confirmation and reminder messages (SPEC D4): « Déplacer » and « Annuler » without logging in.
 * A token is single-purpose (move or cancel, inside the signed bytes), expires when the appointment starts (after
 * that there is nothing left to move or cancel; under 4 hours the cancel page shows the practice's phone), and carries
 * a version the service can bump to kill the links of an appointment. Compact enough for an SMS: 79 characters.
 *
 * Token: base64url(payload) "." base64url(HMAC-SHA-256(key, label ‖ payload)); payload (26 bytes) = format 1 (1 byte),
 * purpose (1 byte), appointment UUID (16 bytes), expiry in Unix seconds (uint32), version (uint32).
 * HMAC is deterministic computation, not I/O: this module stays pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'move' | 'cancel';

export interface AppointmentLink {
  appointmentId: string;
  purpose: LinkPurpose;
  expiresAt: Date;
  version: number;
}

export type LinkReading =
  | { ok: true; appointmentId: string; purpose: LinkPurpose; version: number; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_purpose' };

/** Keys shorter than the hash output would weaken the HMAC. */
export const LINK_KEY_MIN_BYTES = 32;

const FORMAT = 1;
const PAYLOAD_BYTES = 26;
const SIGNATURE_BYTES = 32;
const LABEL = Buffer.from('creneau appointment link\0', 'utf8'); // no other HMAC of this key can pass for a link
const PURPOSE_CODES: Record<LinkPurpose, number> = { move: 1, cancel: 2 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^([A-Za-z0-9_-]{35})\.([A-Za-z0-9_-]{43})$/;

/** The link for a message; expiry is rounded down to the second. Throws on input no appointment can have. */
export function signAppointmentLink(link: AppointmentLink, key: Buffer): string {
  checkKey(key);
  if (!UUID.test(link.appointmentId)) throw new RangeError('appointmentId must be a UUID');
  const expires = Math.floor(link.expiresAt.getTime() / 1000);
  if (!isUint32(expires) || !isUint32(link.version)) throw new RangeError('expiry or version out of range');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(FORMAT, 0);
  payload.writeUInt8(PURPOSE_CODES[link.purpose], 1);
  Buffer.from(link.appointmentId.replace(/-/g, ''), 'hex').copy(payload, 2);
  payload.writeUInt32BE(expires, 18);
  payload.writeUInt32BE(link.version, 22);
  return `${payload.toString('base64url')}.${signatureOf(payload, key).toString('base64url')}`;
}

/**
 * What a link grants at `now`: the signature is checked (in constant time) before anything in the payload is trusted.
 * With `expectedPurpose`, a move link opened on the cancel page (or the reverse) is refused.
 */
export function readAppointmentLink(token: string, key: Buffer, now: Date, expectedPurpose?: LinkPurpose): LinkReading {
  checkKey(key);
  const parts = TOKEN.exec(token);
  if (!parts) return { ok: false, reason: 'malformed' };
  const payload = canonicalBase64url(parts[1]!, PAYLOAD_BYTES);
  const signature = canonicalBase64url(parts[2]!, SIGNATURE_BYTES);
  if (!payload || !signature) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(signature, signatureOf(payload, key))) return { ok: false, reason: 'bad_signature' };
  const purpose = purposeOf(payload.readUInt8(1));
  if (payload.readUInt8(0) !== FORMAT || !purpose) return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(payload.readUInt32BE(18) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  if (expectedPurpose && purpose !== expectedPurpose) return { ok: false, reason: 'wrong_purpose' };
  return { ok: true, appointmentId: uuidOf(payload.subarray(2, 18)), purpose, version: payload.readUInt32BE(22), expiresAt };
}

function signatureOf(payload: Buffer, key: Buffer): Buffer {
  return createHmac('sha256', key).update(LABEL).update(payload).digest();
}

function checkKey(key: Buffer): void {
  if (key.length < LINK_KEY_MIN_BYTES) throw new RangeError(`a link key needs at least ${LINK_KEY_MIN_BYTES} bytes`);
}

/** Decoded bytes only when `text` is the one spelling of them (no stray trailing bits: one token per payload). */
function canonicalBase64url(text: string, bytes: number): Buffer | null {
  const decoded = Buffer.from(text, 'base64url');
  return decoded.length === bytes && decoded.toString('base64url') === text ? decoded : null;
}

function purposeOf(code: number): LinkPurpose | null {
  for (const [purpose, value] of Object.entries(PURPOSE_CODES)) if (value === code) return purpose as LinkPurpose;
  return null;
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isUint32(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}
