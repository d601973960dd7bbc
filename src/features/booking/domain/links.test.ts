import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signAppointmentLink, readAppointmentLink, type AppointmentLink } from './links.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const start = new Date('2026-05-04T14:00:00Z');
const now = new Date('2026-05-01T09:00:00Z');
const moveLink: AppointmentLink = {
  appointmentId: '3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f', purpose: 'move', expiresAt: start, version: 1,
};

/** The token with its payload bytes changed by `edit` and the original signature kept. */
function tamper(token: string, edit: (payload: Buffer) => void): string {
  const [payload = '', signature = ''] = token.split('.');
  const bytes = Buffer.from(payload, 'base64url');
  edit(bytes);
  return `${bytes.toString('base64url')}.${signature}`;
}

test('a move link opens the move of its appointment', () => {
  const reading = readAppointmentLink(signAppointmentLink(moveLink, key), key, now, 'move');
  assert.deepEqual(reading, { ok: true, appointmentId: moveLink.appointmentId, purpose: 'move', version: 1, expiresAt: start });
});

test('a link is short enough for an SMS and carries no readable appointment data', () => {
  const token = signAppointmentLink(moveLink, key);
  assert.equal(token.length, 79);
  assert.doesNotMatch(token, /3f2a9c1e|move/);
});

test('a move link opened on the cancel page is refused', () => {
  assert.deepEqual(readAppointmentLink(signAppointmentLink(moveLink, key), key, now, 'cancel'), { ok: false, reason: 'wrong_purpose' });
});

test('changing the purpose inside a move link breaks its signature', () => {
  const swapped = tamper(signAppointmentLink(moveLink, key), (bytes) => bytes.writeUInt8(2, 1));
  assert.deepEqual(readAppointmentLink(swapped, key, now), { ok: false, reason: 'bad_signature' });
});

test('changing the appointment, the expiry or the version breaks the signature', () => {
  const token = signAppointmentLink(moveLink, key);
  for (const offset of [5, 19, 25]) {
    const changed = tamper(token, (bytes) => bytes.writeUInt8(bytes.readUInt8(offset) ^ 1, offset));
    assert.deepEqual(readAppointmentLink(changed, key, now), { ok: false, reason: 'bad_signature' }, `byte ${offset}`);
  }
});

test('a link signed with another key is refused', () => {
  assert.deepEqual(readAppointmentLink(signAppointmentLink(moveLink, otherKey), key, now), { ok: false, reason: 'bad_signature' });
});

test('a link is valid one minute before the appointment starts and expired at the start', () => {
  const token = signAppointmentLink({ ...moveLink, purpose: 'cancel' }, key);
  assert.equal(readAppointmentLink(token, key, new Date(start.getTime() - 60_000), 'cancel').ok, true);
  assert.deepEqual(readAppointmentLink(token, key, start, 'cancel'), { ok: false, reason: 'expired' });
});

test('an expired link says expired only when its signature is right', () => {
  const forged = signAppointmentLink(moveLink, otherKey);
  assert.deepEqual(readAppointmentLink(forged, key, new Date('2027-01-01T00:00:00Z')), { ok: false, reason: 'bad_signature' });
});

test('the version the service bumps is read back, so links of an older version can be refused', () => {
  const reading = readAppointmentLink(signAppointmentLink({ ...moveLink, version: 4 }, key), key, now);
  assert.equal(reading.ok && reading.version, 4);
});

test('garbage, truncated or re-spelled tokens are malformed', () => {
  const token = signAppointmentLink(moveLink, key);
  const lastChar = token.at(-1) === 'A' ? 'B' : 'A';
  for (const bad of ['', 'abc', token.slice(0, -1), `${token}A`, token.replace('.', '-'), `${token.split('.')[0]}.${'!'.repeat(43)}`]) {
    assert.deepEqual(readAppointmentLink(bad, key, now), { ok: false, reason: 'malformed' }, bad);
  }
  // A different last character changes the signature bytes or leaves stray bits: never accepted.
  assert.equal(readAppointmentLink(token.slice(0, -1) + lastChar, key, now).ok, false);
});

test('a key shorter than 32 bytes is refused when signing', () => {
  assert.throws(() => signAppointmentLink(moveLink, Buffer.alloc(16)), RangeError);
});
