/**
 * « Déplacer » / « Annuler » links of confirmation and reminder messages (SPEC D4), usable without logging in.
 * The token (domain/links.ts) is signed with the installation's link key: CRENEAU_LINK_KEY (base64, at least 32
 * bytes) when set, else a key generated once into `instance_secrets`. It names one appointment and one purpose and
 * expires at the start. A link dies with its appointment's booking: once moved (the old row is cancelled, the new
 * one has another id) or cancelled, the appointment is never booked again, so « still booked » is the liveness test
 * and the token's version stays at LINK_VERSION (docs/decisions.md « Booking — managing appointments »).
 */
import type { Db } from '../../platform/db/database.ts';
import { instanceSecret, keyFromEnvironment } from '../../platform/secrets.ts';
import { LINK_KEY_MIN_BYTES, readAppointmentLink, signAppointmentLink, type LinkPurpose } from './domain/links.ts';
import { LinkExpired, LinkInvalid, LinkUsed, LinkWrongPurpose } from './my-appointments-errors.ts';
import { findAppointmentState, type AppointmentState } from './my-appointments.ts';

/** The version every link carries; bumping it would kill every link already sent. */
export const LINK_VERSION = 1;

/** The name of the generated key in `instance_secrets`. */
const LINK_SECRET = 'appointment_links';

let environmentKey: { key: Buffer | undefined } | undefined;

/** The key from CRENEAU_LINK_KEY, read once; a malformed or short key throws (at start, see the routes). */
export function configuredLinkKey(): Buffer | undefined {
  environmentKey ??= { key: keyFromEnvironment('CRENEAU_LINK_KEY', process.env.CRENEAU_LINK_KEY, LINK_KEY_MIN_BYTES) };
  return environmentKey.key;
}

/** The key signing and checking links on this installation. */
export async function linkKey(db: Db): Promise<Buffer> {
  return configuredLinkKey() ?? instanceSecret(db, LINK_SECRET, 32);
}

export interface AppointmentLinks {
  moveUrl: string;
  cancelUrl: string;
}

/**
 * The message links of a booked appointment (for the notifications issue): the token travels in the fragment,
 * which browsers never send to the server, so it stays out of logs and Referer headers.
 */
export async function appointmentLinks(db: Db, appointment: { id: string; start: Date }, publicUrl: string): Promise<AppointmentLinks> {
  const key = await linkKey(db);
  const token = (purpose: LinkPurpose) =>
    signAppointmentLink({ appointmentId: appointment.id, purpose, expiresAt: appointment.start, version: LINK_VERSION }, key);
  const base = publicUrl.replace(/\/+$/, '');
  return {
    moveUrl: `${base}/rdv/deplacer#jeton=${token('move')}`,
    cancelUrl: `${base}/rdv/annuler#jeton=${token('cancel')}`,
  };
}

export interface OpenedLink {
  purpose: LinkPurpose;
  appointment: AppointmentState;
}

/**
 * What a link grants at `now`: its appointment, still booked. Tampered or malformed → 400, the other purpose → 400,
 * started → 410, moved or cancelled since → 410.
 */
export async function openAppointmentLink(db: Db, token: string, now: Date, expectedPurpose?: LinkPurpose): Promise<OpenedLink> {
  const reading = readAppointmentLink(token, await linkKey(db), now, expectedPurpose);
  if (!reading.ok) {
    if (reading.reason === 'expired') throw new LinkExpired();
    if (reading.reason === 'wrong_purpose') throw new LinkWrongPurpose();
    throw new LinkInvalid();
  }
  const appointment = await findAppointmentState(db, reading.appointmentId);
  if (!appointment) throw new LinkInvalid();
  if (appointment.status === 'no_show' || appointment.status === 'done') throw new LinkExpired();
  if (appointment.status !== 'booked' || reading.version !== LINK_VERSION) throw new LinkUsed();
  return { purpose: reading.purpose, appointment };
}
