/**
 * Agenda changes seen by another server process: two apps on one database, each with its own list cache; the second
 * hears of the first one's changes only through PostgreSQL LISTEN/NOTIFY (its own listening connection), and forgets
 * its whole cache when that connection is cut and reopened, since changes made meanwhile went unheard.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import { STRASBOURG } from '../src/features/availability/agenda-fixtures.ts';
import { agendaChangesSubscription, createAgendaChanges } from '../src/features/availability/index.ts';
import { listenToNotifications, type NotificationListener } from '../src/platform/db/notification-listener.ts';

const LISTENER_APPLICATION = 'creneau-test-agenda-changes';

// Monday 2 March 2026, 07:00 in Paris (UTC+1). Agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const MONDAY_8AM = '2026-03-02T07:00:00.000Z';
const TUESDAY_2PM = '2026-03-03T13:00:00.000Z';

describe('agenda changes made by another server process', () => {
  let w: PracticeWorld;
  let otherServer: App;
  let listener: NotificationListener;
  let specialtySlug: string;

  before(async () => {
    w = await practiceWorld();
    // The second server: its cache hears only what its own listening connection hears, never the first server's process.
    const changes = createAgendaChanges();
    otherServer = await buildApp({
      context: { db: w.t.db, now: w.clock.now, listSlotsCacheMs: 600_000, agendaChanges: changes.onAgendaChange },
      routes: featureRoutes,
    });
    listener = await listenToNotifications({
      connectionString: w.t.connectionString, applicationName: LISTENER_APPLICATION,
      subscriptions: [agendaChangesSubscription(changes.announceAgendaChange)], retryDelaysMs: [50],
    });
    assert.equal(listener.listening(), true);
    const { rows } = await sql<{ slug: string }>`select slug from specialties where code = 'SM54'`.execute(w.t.db);
    specialtySlug = rows[0]!.slug;
  });
  after(async () => {
    await listener.stop();
    await otherServer.close();
    await w.close();
  });

  /** A practice alone near Strasbourg's centre, so its card is on the first page of a search there. */
  const strasbourgPractice = async () => {
    const p = await w.newPractice({ commune: STRASBOURG });
    await w.t.db.updateTable('places').set({ latitude: 48.5734, longitude: 7.7521 }).where('id', '=', p.agenda.placeId).execute();
    return p;
  };

  /** The first next slot the other server's search shows for the practitioner. */
  const firstSlotOnOtherServer = async (practitionerId: string) => {
    const res = await otherServer.inject({ method: 'GET', url: `/api/search?specialty=${specialtySlug}&where=${STRASBOURG}` });
    assert.equal(res.statusCode, 200, res.body);
    const card = res.json().results.find((result: { practitionerId: string }) => result.practitionerId === practitionerId);
    return card?.nextSlots[0]?.start as string | undefined;
  };

  /** Asks again for up to 2 s (a notification arrives asynchronously), answering the last first slot seen. */
  const firstSlotOnceItIs = async (practitionerId: string, expected: string) => {
    let seen = await firstSlotOnOtherServer(practitionerId);
    for (let waited = 0; seen !== expected && waited < 2_000; waited += 50) {
      await sleep(50);
      seen = await firstSlotOnOtherServer(practitionerId);
    }
    return seen;
  };

  it('shows the new hours a practice saved through the first server, though its result lists are cached', async () => {
    const p = await strasbourgPractice();
    assert.equal(await firstSlotOnOtherServer(p.agenda.practitionerId), MONDAY_8AM);
    const res = await w.practice('PUT', `/places/${p.agenda.placeId}/opening-hours`, {
      rules: [{ weekday: 2, start: '14:00', end: '18:00', reasonIds: [p.agenda.reasonId] }],
    }, { caller: p.staff, practitionerId: p.agenda.practitionerId });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await firstSlotOnceItIs(p.agenda.practitionerId, TUESDAY_2PM), TUESDAY_2PM);
  });

  it('forgets its cached lists when its listening connection is cut and reopened', async () => {
    const p = await strasbourgPractice();
    assert.equal(await firstSlotOnOtherServer(p.agenda.practitionerId), MONDAY_8AM);
    // A change nobody hears of (as if notified while the connection was down): the cached list still shows Monday.
    await w.t.db.deleteFrom('opening_rules').where('practitioner_id', '=', p.agenda.practitionerId)
      .where((rule) => rule.or([rule('weekday', '<>', 2), rule('start_time', '<', '14:00')])).execute();
    assert.equal(await firstSlotOnOtherServer(p.agenda.practitionerId), MONDAY_8AM);

    const { rows } = await sql<{ cut: boolean }>`select pg_terminate_backend(pid) as cut from pg_stat_activity
      where application_name = ${LISTENER_APPLICATION} and datname = current_database()`.execute(w.t.db);
    assert.deepEqual(rows, [{ cut: true }]);
    assert.equal(await firstSlotOnceItIs(p.agenda.practitionerId, TUESDAY_2PM), TUESDAY_2PM);
    assert.equal(listener.listening(), true);
  });
});
