/**
 * A small world for the tests of managing appointments and of the practice API: an app on an injected clock,
 * agendas (Monday–Friday 08:00–12:00 and 14:00–18:00 Paris, 30-minute reason), accounts with relatives, and
 * appointments booked through the real hold + confirmation API.
 */
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import type { App } from '../src/platform/http/app.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { insertAgenda, insertReferenceRows, type AgendaFixture, type AgendaOptions } from '../src/features/availability/agenda-fixtures.ts';
import { createPracticeToken } from '../src/features/practice-api/index.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';
import { createTestAccount, signIn, type SignedInTest, type TestAccount, type TestAccountFields } from './support/accounts.ts';

export interface World {
  t: TestDatabase;
  app: App;
  /** The app's clock: tests move it. */
  clock: { now: Date };
  close: () => Promise<void>;
}

/** Monday 2 March 2026, 08:00 in Paris. */
export const MONDAY_8AM = new Date('2026-03-02T07:00:00Z');

export async function openWorld(start: Date = MONDAY_8AM): Promise<World> {
  const t = await freshDatabase();
  await insertReferenceRows(t.db);
  const clock = { now: start };
  const app = await buildApp({ context: { db: t.db, now: () => clock.now, publicUrl: 'https://creneau.example' }, routes: featureRoutes });
  return {
    t, app, clock,
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

export function agenda(world: World, options: AgendaOptions = {}): Promise<AgendaFixture> {
  return insertAgenda(world.t.db, options);
}

export interface Patient {
  account: TestAccount;
  /** The signed-in account holder. */
  session: SignedInTest;
  accountId: string;
  holderPatientId: string;
}

/** An account (signed in at the world's clock) and its holder patient row. */
export async function patient(world: World, fields: Partial<TestAccountFields> = {}): Promise<Patient> {
  const account = await createTestAccount(world.t.db, fields);
  const session = await signIn(world.app, world.t.db, account, { now: world.clock.now, remembered: true });
  const holder = await world.t.db.selectFrom('patients').select('id')
    .where('account_id', '=', account.accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();
  return { account, session, accountId: account.accountId, holderPatientId: holder.id };
}

/** A new session at the world's clock (after moving the clock past the previous one's expiry). */
export async function signInAgain(world: World, who: Patient): Promise<void> {
  who.session = await signIn(world.app, world.t.db, who.account, { now: world.clock.now, remembered: true });
}

/** A relative of the account (« Mes proches »). */
export async function relative(world: World, owner: Patient, firstName = 'Léa', birthDate = '2015-06-01'): Promise<string> {
  const row = await world.t.db.insertInto('patients').values({
    account_id: owner.accountId, is_holder: false, first_name: firstName, last_name: 'Martin', birth_date: birthDate,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Holds `start` in the agenda as the signed-in patient (POST /api/holds); returns the hold id. */
export async function hold(world: World, who: Patient, at: AgendaFixture, start: string, moving?: string): Promise<string> {
  const res = await world.app.inject({
    method: 'POST', url: '/api/holds', headers: who.session.headers,
    payload: { practitionerId: at.practitionerId, placeId: at.placeId, reasonId: at.reasonId, start, ...(moving ? { moving } : {}) },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().hold.id as string;
}

/** Books `start` for the holder (or the relative) through hold + confirmation; returns the appointment id. */
export async function book(world: World, who: Patient, at: AgendaFixture, start: string, relativeId?: string): Promise<string> {
  const holdId = await hold(world, who, at, start);
  const res = await world.app.inject({
    method: 'POST', url: '/api/appointments',
    headers: { ...who.session.headers, 'idempotency-key': randomUUID() },
    payload: { holdId, patient: relativeId ? { kind: 'relative', relativeId } : { kind: 'self' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().appointment.id as string;
}

/** A practice API token of the agenda's practitioner, as `Authorization` headers. */
export async function practiceHeaders(world: World, at: AgendaFixture): Promise<Record<string, string>> {
  const created = await createPracticeToken(world.t.db, at.practitionerId, 'tests', world.clock.now);
  return { authorization: `Bearer ${created!.token}` };
}

/** `hours` after `instant`. */
export function hoursAfter(instant: string | Date, hours: number): Date {
  return new Date(new Date(instant).getTime() + hours * 3_600_000);
}
