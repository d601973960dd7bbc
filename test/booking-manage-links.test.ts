/** Message links (SPEC D4; docs/api-booking.md « Links from messages »): read, cancel and move without a session. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { appointmentLinks } from '../src/features/booking/appointment-links.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { instanceSecret } from '../src/platform/secrets.ts';
import { csrfPair } from './support/accounts.ts';
import { agenda, book, MONDAY_8AM, openWorld, patient, type Patient, type World } from './booking-manage-fixtures.ts';

describe('Links from messages', () => {
  let world: World;
  let dr: AgendaFixture;
  let camille: Patient;
  /** A browser without a session: only the CSRF cookie and header the page gets from GET /api/session. */
  let anonymous: Record<string, string>;

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
    camille = await patient(world);
    anonymous = (await csrfPair(world.app)).headers;
  });
  after(() => world.close());
  beforeEach(() => {
    world.clock.now = MONDAY_8AM;
  });

  /** Books and returns the appointment with the tokens of its two links. */
  async function booked(start: string): Promise<{ id: string; move: string; cancel: string }> {
    const id = await book(world, camille, dr, start);
    const links = await appointmentLinks(world.t.db, { id, start: new Date(start) }, 'https://creneau.example');
    return { id, move: links.moveUrl.split('#jeton=')[1]!, cancel: links.cancelUrl.split('#jeton=')[1]! };
  }

  const post = (action: 'read' | 'cancel' | 'move', payload: Record<string, unknown>) =>
    world.app.inject({ method: 'POST', url: `/api/appointment-links/${action}`, headers: anonymous, payload });

  /** Holds a time without a session, as the move page does: the hold's token comes back once. */
  async function anonymousHold(start: string): Promise<{ holdId: string; holdToken: string }> {
    const res = await world.app.inject({
      method: 'POST', url: '/api/holds', headers: anonymous,
      payload: { practitionerId: dr.practitionerId, placeId: dr.placeId, reasonId: dr.reasonId, start },
    });
    assert.equal(res.statusCode, 201, res.body);
    return { holdId: res.json().hold.id, holdToken: res.json().holdToken };
  }

  it('puts the token in the fragment of the move and cancel pages', async () => {
    const links = await appointmentLinks(world.t.db, { id: '00000000-0000-4000-8000-000000000001', start: new Date('2026-03-10T08:00:00Z') }, 'https://creneau.example/');
    assert.match(links.moveUrl, /^https:\/\/creneau\.example\/rdv\/deplacer#jeton=[A-Za-z0-9_.-]+$/);
    assert.match(links.cancelUrl, /^https:\/\/creneau\.example\/rdv\/annuler#jeton=[A-Za-z0-9_.-]+$/);
  });

  it('reads the appointment of a link without a session', async () => {
    const appointment = await booked('2026-03-03T08:00:00.000Z');
    const res = await post('read', { token: appointment.cancel });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().purpose, 'cancel');
    assert.equal(res.json().appointment.id, appointment.id);
  });

  it('cancels from a cancel link without a session', async () => {
    const appointment = await booked('2026-03-03T08:30:00.000Z');
    const res = await post('cancel', { token: appointment.cancel });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointment.status, 'cancelled');
  });

  it('applies the 4-hour rule to a cancel link, with the practice’s phone', async () => {
    const appointment = await booked('2026-03-03T13:00:00.000Z');
    world.clock.now = new Date('2026-03-03T10:00:00Z');
    const res = await post('cancel', { token: appointment.cancel });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'cancel_too_late');
    assert.equal(res.json().phone, '02 40 00 00 00');
  });

  it('moves from a move link with a time held in the same browser, and the old link dies', async () => {
    const appointment = await booked('2026-03-03T09:00:00.000Z');
    const { holdId, holdToken } = await anonymousHold('2026-03-04T09:00:00.000Z');
    const res = await post('move', { token: appointment.move, holdId, holdToken });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointment.start, '2026-03-04T09:00:00.000Z');
    assert.equal(res.json().appointment.patient.isHolder, true);
    const mine = await world.app.inject({ method: 'GET', url: '/api/appointments', headers: camille.session.headers });
    assert.ok(mine.json().upcoming.some((a: { id: string }) => a.id === res.json().appointment.id), 'the moved appointment is the account’s');
    for (const token of [appointment.move, appointment.cancel]) {
      const dead = await post('read', { token });
      assert.equal(dead.statusCode, 410);
      assert.equal(dead.json().code, 'link_used');
    }
  });

  it('refuses a hold presented without its token, keeping the appointment', async () => {
    const appointment = await booked('2026-03-03T09:30:00.000Z');
    const { holdId } = await anonymousHold('2026-03-04T10:00:00.000Z');
    const res = await post('move', { token: appointment.move, holdId, holdToken: 'x'.repeat(43) });
    assert.equal(res.statusCode, 403);
    assert.equal((await post('read', { token: appointment.move })).json().appointment.status, 'booked');
  });

  it('a cancel link cannot move, and a move link cannot cancel', async () => {
    const appointment = await booked('2026-03-03T10:00:00.000Z');
    const { holdId, holdToken } = await anonymousHold('2026-03-04T10:30:00.000Z');
    const moved = await post('move', { token: appointment.cancel, holdId, holdToken });
    assert.equal(moved.statusCode, 400);
    assert.equal(moved.json().code, 'link_wrong_purpose');
    const cancelled = await post('cancel', { token: appointment.move });
    assert.equal(cancelled.statusCode, 400);
    assert.equal((await post('read', { token: appointment.move })).json().appointment.status, 'booked');
  });

  it('refuses a tampered link with a translated message', async () => {
    const appointment = await booked('2026-03-03T10:30:00.000Z');
    const [payload, signature] = appointment.cancel.split('.');
    const flipped = `${payload!.slice(0, 5)}${payload![5] === 'A' ? 'B' : 'A'}${payload!.slice(6)}.${signature}`;
    const res = await post('cancel', { token: flipped });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'link_invalid');
    assert.match(res.json().message, /Ce lien n’est pas valide/);
    assert.equal((await post('read', { token: 'garbage' })).statusCode, 400);
  });

  it('a link expires when its appointment starts', async () => {
    const appointment = await booked('2026-03-03T13:30:00.000Z');
    world.clock.now = new Date('2026-03-03T13:30:00Z');
    const res = await post('read', { token: appointment.move });
    assert.equal(res.statusCode, 410);
    assert.equal(res.json().code, 'link_expired');
  });

  it('a cancelled appointment’s links are dead', async () => {
    const appointment = await booked('2026-03-05T08:00:00.000Z');
    await world.app.inject({ method: 'POST', url: `/api/appointments/${appointment.id}/cancel`, headers: camille.session.headers });
    const res = await post('cancel', { token: appointment.cancel });
    assert.equal(res.statusCode, 410);
    assert.equal(res.json().code, 'link_used');
  });

  it('every process of an installation signs with the one generated key', async () => {
    const second = openDatabase(world.t.connectionString, 2);
    const third = openDatabase(world.t.connectionString, 2);
    try {
      const [a, b] = await Promise.all([instanceSecret(second.db, 'race-test'), instanceSecret(third.db, 'race-test')]);
      assert.ok(a.equals(b));
      assert.equal(a.length, 32);
    } finally {
      await second.close();
      await third.close();
    }
  });
});
