/**
 * Booking tests' world: a fresh database with the fixtures' reference rows, the app on an injected clock that tests
 * move, and helpers for the booking requests.
 *   const w = await bookingWorld();  w.clock.set('2026-03-02T06:00:00Z');  const me = await w.signIn();
 *   const res = await w.hold(me.headers, agenda, '2026-03-03T08:00:00.000Z');
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { insertReferenceRows, type AgendaFixture } from '../../src/features/availability/agenda-fixtures.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { createTestAccount, csrfPair, signIn, type TestAccountFields } from './accounts.ts';

// Monday 2 March 2026, 07:00 in Paris (UTC+1). Fixture agendas open Monday–Friday 08:00–12:00 and 14:00–18:00.
export const MONDAY_7AM = '2026-03-02T06:00:00Z';

export interface Clock {
  now: () => Date;
  set: (instant: string | Date) => void;
  advanceMinutes: (minutes: number) => void;
}

export function testClock(start: string = MONDAY_7AM): Clock {
  let current = new Date(start);
  return {
    now: () => current,
    set: (instant) => { current = new Date(instant); },
    advanceMinutes: (minutes) => { current = new Date(current.getTime() + minutes * 60_000); },
  };
}

export interface Caller {
  accountId: string | null;
  headers: Record<string, string>;
}

export interface BookingWorld {
  t: TestDatabase;
  app: App;
  clock: Clock;
  /** A new account (holder identity overridable), signed in at the app's clock. */
  signIn: (fields?: Partial<TestAccountFields>) => Promise<Caller>;
  /** A new session of the same account at the current clock (sessions end after 30 idle minutes). */
  reconnect: (caller: Caller) => Promise<Caller>;
  /** A browser without a session (CSRF cookie and header only). */
  anonymous: () => Promise<Caller>;
  hold: (caller: Caller, agenda: AgendaFixture, start: string, extra?: Record<string, unknown>) => Promise<LightMyRequestResponse>;
  confirm: (caller: Caller, body: Record<string, unknown>, key?: string) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

export async function bookingWorld(options: { maxConnections?: number; listSlotsCacheMs?: number } = {}): Promise<BookingWorld> {
  const t = await freshDatabase(options.maxConnections);
  await insertReferenceRows(t.db);
  const clock = testClock();
  const app = await buildApp({ context: { db: t.db, now: clock.now, listSlotsCacheMs: options.listSlotsCacheMs }, routes: featureRoutes });
  return {
    t,
    app,
    clock,
    signIn: async (fields = {}) => {
      const account = await createTestAccount(t.db, fields);
      const session = await signIn(app, t.db, account, { now: clock.now() });
      return { accountId: session.accountId, headers: session.headers };
    },
    reconnect: async (caller) => {
      const session = await signIn(app, t.db, { accountId: caller.accountId!, email: '', password: '', phone: '' }, { now: clock.now() });
      return { accountId: session.accountId, headers: session.headers };
    },
    anonymous: async () => ({ accountId: null, headers: (await csrfPair(app)).headers }),
    hold: (caller, agenda, start, extra = {}) => app.inject({
      method: 'POST', url: '/api/holds', headers: caller.headers,
      payload: { practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId, start, ...extra },
    }),
    confirm: (caller, body, key = randomUUID()) => app.inject({
      method: 'POST', url: '/api/appointments', headers: { ...caller.headers, 'idempotency-key': key }, payload: body,
    }),
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

/** The booked appointments of a practitioner, as the database holds them. */
export async function bookedRows(t: TestDatabase, practitionerId: string) {
  return t.db.selectFrom('appointments').selectAll()
    .where('practitioner_id', '=', practitionerId).where('status', '=', 'booked').orderBy('starts_at').execute();
}
