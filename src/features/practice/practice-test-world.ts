/**
 * Tests of the practitioner space's agenda and settings: the booking tests' world (fresh database, app on a clock
 * tests move, patients signing in) plus a practitioner with its agenda, its own staff login signed in, and helpers
 * for the practice routes.
 *   const w = await practiceWorld();  const res = await w.practice('GET', '/agenda?days=7');
 */
import type { LightMyRequestResponse } from 'fastify';
import { bookingWorld, type BookingWorld } from '../../../test/support/booking.ts';
import { insertAgenda, type AgendaFixture, type AgendaOptions } from '../availability/agenda-fixtures.ts';
import { createTestStaff, grantSecretary, signInStaff } from '../practice-auth/staff-test-support.ts';
import type { Right } from '../practice-auth/index.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface StaffCaller {
  headers: Record<string, string>;
}

export interface PracticeWorld extends BookingWorld {
  /** The practitioner (Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute consultations, Nantes). */
  agenda: AgendaFixture;
  /** Its own staff login, signed in at the clock's time. */
  doctor: StaffCaller;
  /** A new session of the doctor at the current clock (staff sessions end after 2 idle hours). */
  reconnectDoctor: () => Promise<StaffCaller>;
  /** Another practitioner with its agenda and its signed-in login. */
  newPractice: (options?: AgendaOptions) => Promise<{ agenda: AgendaFixture; staff: StaffCaller }>;
  /** A secretary granted these rights on `practitionerId`, signed in. */
  secretary: (practitionerId: string, rights: Right[]) => Promise<StaffCaller>;
  /** A request to /api/practice/practitioners/:id/<path> as `caller` (default: the doctor, on its own agenda). */
  practice: (method: Method, path: string, payload?: unknown, options?: { caller?: StaffCaller; practitionerId?: string }) => Promise<LightMyRequestResponse>;
}

export async function practiceWorld(options: { maxConnections?: number } = {}): Promise<PracticeWorld> {
  const world = await bookingWorld(options);
  const signInDoctor = async (practitionerId: string): Promise<StaffCaller> => {
    const staff = await createTestStaff(world.t.db, { role: 'practitioner', practitionerId });
    return { headers: (await signInStaff(world.app, world.t.db, staff, { now: world.clock.now() })).headers };
  };
  const agenda = await insertAgenda(world.t.db);
  const doctorLogin = await createTestStaff(world.t.db, { role: 'practitioner', practitionerId: agenda.practitionerId });
  const sessionOf = async () => ({ headers: (await signInStaff(world.app, world.t.db, doctorLogin, { now: world.clock.now() })).headers });
  const doctor = await sessionOf();
  return {
    ...world,
    agenda,
    doctor,
    reconnectDoctor: sessionOf,
    newPractice: async (agendaOptions = {}) => {
      const other = await insertAgenda(world.t.db, agendaOptions);
      return { agenda: other, staff: await signInDoctor(other.practitionerId) };
    },
    secretary: async (practitionerId, rights) => {
      const staff = await createTestStaff(world.t.db, { role: 'secretary' });
      await grantSecretary(world.t.db, staff.staffId, practitionerId, rights);
      return { headers: (await signInStaff(world.app, world.t.db, staff, { now: world.clock.now() })).headers };
    },
    practice: (method, path, payload, { caller = doctor, practitionerId = agenda.practitionerId } = {}) => world.app.inject({
      method, url: `/api/practice/practitioners/${practitionerId}${path}`, headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    }),
  };
}

/** The kinds of message intents written for an appointment, sorted. */
export async function intentKinds(world: BookingWorld, appointmentId: string): Promise<string[]> {
  const rows = await world.t.db.selectFrom('notification_intents').select(['kind', 'state'])
    .where('appointment_id', '=', appointmentId).where('state', '=', 'pending').execute();
  return rows.map((row) => row.kind).sort();
}
