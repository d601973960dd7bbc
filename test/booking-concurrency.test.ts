/**
 * C8 under contention: 200 signed-in patients race over real HTTP for ONE slot, with the database pool sized like
 * production (`defaultPoolSize()`: 4 per core, 8 to 20). Exactly one appointment, 199 clean 409 « slot_taken »,
 * no 5xx. The time it took is printed for information, never asserted (timings belong to the bench).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { insertAgenda, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { createSessionToken, SESSION_COOKIE } from '../src/features/accounts/sessions.ts';
import { createTestAccount, csrfPair } from './support/accounts.ts';
import { defaultPoolSize } from '../src/platform/config/config.ts';
import { bookedRows, bookingWorld, type BookingWorld } from './support/booking.ts';

const CLIENTS = 200;
/** The pool `npm start` opens (src/platform/db/provision.ts). */
const PRODUCTION_POOL = defaultPoolSize();
const SLOT = '2026-03-03T08:00:00.000Z';

describe('200 patients race for one slot', () => {
  let w: BookingWorld;
  let agenda: AgendaFixture;
  let baseUrl: string;
  let clients: Record<string, string>[];

  before(async () => {
    w = await bookingWorld({ maxConnections: PRODUCTION_POOL });
    agenda = await insertAgenda(w.t.db);
    clients = await signedInClients(CLIENTS);
    await w.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  });
  after(async () => w.close());

  /** Accounts sharing one password hash (hashing 200 passwords would only slow the test), each with a session. */
  async function signedInClients(count: number): Promise<Record<string, string>[]> {
    const template = await createTestAccount(w.t.db);
    const { password_hash } = await w.t.db.selectFrom('accounts').select('password_hash').where('id', '=', template.accountId).executeTakeFirstOrThrow();
    const now = w.clock.now();
    const accounts = await w.t.db.insertInto('accounts').values(Array.from({ length: count }, (_, i) => ({
      email: `racer-${i}-${randomUUID().slice(0, 8)}@example.fr`, phone: '+33612345678', phone_kind: 'mobile' as const,
      phone_verified_at: now, password_hash, terms_accepted_at: now, privacy_accepted_at: now,
    }))).returning('id').execute();
    await w.t.db.insertInto('patients').values(accounts.map(({ id }) => ({
      account_id: id, is_holder: true, first_name: 'Camille', last_name: 'Martin', birth_date: '1990-04-12',
    }))).execute();
    const csrf = await csrfPair(w.app);
    return Promise.all(accounts.map(async ({ id }) => {
      const token = await createSessionToken(w.t.db, { accountId: id, remembered: false, now });
      return { cookie: `${SESSION_COOKIE}=${token}; ${csrf.cookie}`, 'x-csrf-token': csrf.csrfToken, 'content-type': 'application/json' };
    }));
  }

  /** One patient: hold the slot, and confirm it when the hold was granted. Returns the status codes and codes seen. */
  async function race(headers: Record<string, string>): Promise<{ hold: number; code?: string; confirm?: number }> {
    const holdRes = await fetch(`${baseUrl}/api/holds`, {
      method: 'POST', headers,
      body: JSON.stringify({ practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId, start: SLOT }),
    });
    const held = await holdRes.json() as { hold?: { id: string }; code?: string };
    if (holdRes.status !== 201) return { hold: holdRes.status, code: held.code };
    const confirmRes = await fetch(`${baseUrl}/api/appointments`, {
      method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ holdId: held.hold!.id, patient: { kind: 'self' } }),
    });
    await confirmRes.arrayBuffer();
    return { hold: 201, confirm: confirmRes.status };
  }

  it('books exactly one patient and answers the 199 others a clean 409 slot_taken', async () => {
    const started = performance.now();
    const outcomes = await Promise.all(clients.map((headers) => race(headers)));
    const elapsed = performance.now() - started;

    const winners = outcomes.filter((o) => o.hold === 201);
    const refused = outcomes.filter((o) => o.hold === 409 && o.code === 'slot_taken');
    const serverErrors = outcomes.filter((o) => o.hold >= 500 || (o.confirm ?? 0) >= 500);
    console.log(`${CLIENTS} clients, pool ${PRODUCTION_POOL}: ${elapsed.toFixed(0)} ms for every hold and the confirmation `
      + `(${winners.length} held, ${refused.length} × 409 slot_taken)`);

    assert.equal(serverErrors.length, 0, 'no 5xx');
    assert.equal(winners.length, 1, 'one hold granted');
    assert.equal(winners[0]!.confirm, 201, 'and confirmed');
    assert.equal(refused.length, CLIENTS - 1, 'every other patient gets 409 slot_taken');
    const booked = await bookedRows(w.t, agenda.practitionerId);
    assert.deepEqual(booked.map((row) => row.starts_at.toISOString()), [SLOT]);
    const live = await w.t.db.selectFrom('appointments').select('id').where('practitioner_id', '=', agenda.practitionerId)
      .where('status', 'in', ['held', 'booked']).execute();
    assert.equal(live.length, 1, 'no stray hold left behind');
  });
});
