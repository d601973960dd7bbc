/**
 * Ready-made logins of the practitioner space for the demo dataset (never in production: startup.ts decides): three
 * practitioners, of the town with the most demo practitioners when it has three, and one secretary granted on the first
 * two. Idempotent: existing demo logins are kept, missing ones (first start, or after `npm run seed -- --reset`) are created.
 */
import type { Config } from '../../platform/config/config.ts';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { practitionerDisplayName } from '../practitioners/index.ts';

export const DEMO_STAFF_PASSWORD = 'Demo-Creneau-2026!';
export const DEMO_SECRETARY_EMAIL = 'secretariat@demo.creneau.fr';
const DEMO_PRACTITIONERS = 3;
const demoPractitionerEmail = (rank: number) => `praticien${rank}@demo.creneau.fr`;

export interface DemoStaffLogin {
  email: string;
  role: 'practitioner' | 'secretary';
  /** « Dr Hélène Dupont (id 42) », the practitioners this login acts for. */
  actsFor: string[];
}

/**
 * Demo logins with a published password exist only beside demo data (`CRENEAU_DEMO_PRACTITIONERS` > 0: the embedded
 * development database, or an explicit request) and never with NODE_ENV=production, even when demo data was asked for.
 */
export function demoStaffAllowed(config: Pick<Config, 'demoPractitioners' | 'production'>): boolean {
  return config.demoPractitioners > 0 && !config.production;
}

/** Creates the missing demo logins; returns every demo login (empty when there are no practitioners to attach them to). */
export async function ensureDemoStaff(db: Db, now: Date): Promise<DemoStaffLogin[]> {
  const practitionerIds: string[] = [];
  for (let rank = 1; rank <= DEMO_PRACTITIONERS; rank++) {
    const id = await ensureDemoPractitionerLogin(db, rank, practitionerIds, now);
    if (id) practitionerIds.push(id);
  }
  if (practitionerIds.length === 0) return [];
  await ensureDemoSecretary(db, practitionerIds.slice(0, 2), now);
  return listDemoStaff(db);
}

/** The practitioner of login `rank`: the one it already has, else the next candidate without a login. */
async function ensureDemoPractitionerLogin(db: Db, rank: number, taken: string[], now: Date): Promise<string | null> {
  const email = demoPractitionerEmail(rank);
  const existing = await db.selectFrom('staff_accounts').select('practitioner_id').where('email', '=', email).executeTakeFirst();
  if (existing) return existing.practitioner_id;
  const candidate = await nextCandidate(db, taken);
  if (!candidate) return null;
  await db.insertInto('staff_accounts').values({
    role: 'practitioner', practitioner_id: candidate.id, email, first_name: candidate.first_name, last_name: candidate.last_name,
    password_hash: await hashPassword(DEMO_STAFF_PASSWORD), password_changed_at: now, activated_at: now,
  }).execute();
  return candidate.id;
}

/** The lowest-id practitioner with online booking and no login, preferably in the town where the demo has the most practitioners. */
async function nextCandidate(db: Db, taken: string[]) {
  const town = await db.selectFrom('places').select('commune_code')
    .groupBy('commune_code')
    .orderBy((eb) => eb.fn.count('practitioner_id').distinct(), 'desc')
    .orderBy('commune_code')
    .limit(1)
    .executeTakeFirst();
  if (!town) return undefined;
  const practisesInTown = (eb: ExpressionBuilder<Database & { p: Database['practitioners'] }, 'p'>) =>
    eb.exists(eb.selectFrom('places as l').select('l.id').whereRef('l.practitioner_id', '=', 'p.id').where('l.commune_code', '=', town.commune_code));
  let query = db.selectFrom('practitioners as p')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('p.online_booking', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('staff_accounts as s').select('s.id').whereRef('s.practitioner_id', '=', 'p.id'))));
  if (taken.length) query = query.where('p.id', 'not in', taken);
  // A small dataset may have fewer than three in that town: the lowest ids elsewhere complete the set.
  return query.orderBy((eb) => eb.case().when(practisesInTown(eb)).then(0).else(1).end()).orderBy('p.id').limit(1).executeTakeFirst();
}

/** The secretary, granted to book and manage patients (not settings) for the given practitioners. */
async function ensureDemoSecretary(db: Db, practitionerIds: string[], now: Date): Promise<void> {
  await db.insertInto('staff_accounts').values({
    role: 'secretary', email: DEMO_SECRETARY_EMAIL, first_name: 'Sophie', last_name: 'Martin',
    password_hash: await hashPassword(DEMO_STAFF_PASSWORD), password_changed_at: now, activated_at: now,
  }).onConflict((oc) => oc.column('email').doNothing()).execute();
  const secretary = await db.selectFrom('staff_accounts').select(['id', 'role']).where('email', '=', DEMO_SECRETARY_EMAIL).executeTakeFirstOrThrow();
  if (secretary.role !== 'secretary') return;
  await db.insertInto('staff_grants')
    .values(practitionerIds.map((practitionerId) => ({
      secretary_id: secretary.id, practitioner_id: practitionerId, can_book: true, can_manage_patients: true, can_edit_settings: false, granted_at: now,
    })))
    .onConflict((oc) => oc.columns(['secretary_id', 'practitioner_id']).doNothing())
    .execute();
}

async function listDemoStaff(db: Db): Promise<DemoStaffLogin[]> {
  const rows = await db.selectFrom('staff_accounts as s')
    .leftJoin('staff_grants as g', 'g.secretary_id', 's.id')
    .innerJoin('practitioners as p', (join) => join.on((eb) => eb.or([eb('p.id', '=', eb.ref('s.practitioner_id')), eb('p.id', '=', eb.ref('g.practitioner_id'))])))
    .select(['s.email', 's.role', 'p.id', 'p.title', 'p.first_name', 'p.last_name'])
    .where('s.email', 'like', '%@demo.creneau.fr')
    .orderBy('s.role')
    .orderBy('s.email')
    .orderBy('p.id')
    .execute();
  const logins = new Map<string, DemoStaffLogin>();
  for (const row of rows) {
    const login = logins.get(row.email) ?? { email: row.email, role: row.role, actsFor: [] };
    login.actsFor.push(`${practitionerDisplayName({ title: row.title, firstName: row.first_name, lastName: row.last_name })} (id ${row.id})`);
    logins.set(row.email, login);
  }
  return [...logins.values()];
}

/** The start-up lines presenting the demo logins. */
export function describeDemoStaff(logins: DemoStaffLogin[]): string[] {
  if (logins.length === 0) return [];
  return [
    `Espace praticien (démo): log in at /pro with password ${DEMO_STAFF_PASSWORD} (the code of a new device is in /dev/mailbox):`,
    ...logins.map((login) => `  ${login.email.padEnd(28)} ${login.role === 'secretary' ? 'secretary of' : 'practitioner'} ${login.actsFor.join(', ')}`),
  ];
}
