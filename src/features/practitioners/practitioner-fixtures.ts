/**
 * Test fixtures for search and the practitioner page: practitioners with places at chosen distances, visit
 * reasons and weekly opening rules. Reference rows may already be in the test template (hence « do nothing »).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OpeningRulesTable, Sector } from '../../platform/db/schema.ts';

export interface Point { latitude: number; longitude: number }

/** Communes the fixtures use (real INSEE codes; the template's positions win over these). */
export const COMMUNES = {
  nantes: { code: '44109', name: 'Nantes', departement: '44', postalCodes: ['44000', '44100', '44200', '44300'], population: 327734, latitude: 47.2173, longitude: -1.5534 },
  reze: { code: '44143', name: 'Rezé', departement: '44', postalCodes: ['44400'], population: 42000, latitude: 47.1833, longitude: -1.55 },
  nanterre: { code: '92050', name: 'Nanterre', departement: '92', postalCodes: ['92000'], population: 97783, latitude: 48.892, longitude: 2.2068 },
  nant: { code: '12168', name: 'Nant', departement: '12', postalCodes: ['12230'], population: 950, latitude: 44.0096, longitude: 3.1584 },
} as const;

/** Reference rows the fixtures point to. Returns the communes' positions as the database holds them. */
export async function insertReferenceRows(db: Db): Promise<Record<keyof typeof COMMUNES, Point>> {
  for (const c of Object.values(COMMUNES)) {
    await sql`insert into communes (code, name, departement, postal_codes, population, latitude, longitude)
      values (${c.code}, ${c.name}, ${c.departement}, ${c.postalCodes as unknown as string[]}, ${c.population}, ${c.latitude}, ${c.longitude})
      on conflict do nothing`.execute(db);
  }
  await sql`insert into professions (code, label_fr, label_en, reimbursement_rate, kind) values
    ('10', 'Médecin', 'Doctor', 70, 'doctor'), ('40', 'Chirurgien-dentiste', 'Dental surgeon', 70, 'dentist'),
    ('50', 'Sage-femme', 'Midwife', 70, 'midwife'), ('70', 'Masseur-kinésithérapeute', 'Physiotherapist', 60, 'auxiliary')
    on conflict do nothing`.execute(db);
  await sql`insert into specialties (code, profession_code, label_fr, label_en, slug) values
    ('SM38', '10', 'Ophtalmologue', 'Ophthalmologist', 'ophtalmologue'),
    ('SM04', '10', 'Cardiologue', 'Cardiologist', 'cardiologue'),
    ('SM15', '10', 'Dermatologue et vénérologue', 'Dermatologist', 'dermatologue'),
    ('SM39', '10', 'Pédiatre', 'Paediatrician', 'pediatre'),
    ('SM41', '10', 'Psychiatre', 'Psychiatrist', 'psychiatre'),
    ('SM54', '10', 'Médecin généraliste', 'General practitioner', 'medecin-generaliste'),
    ('G15_40', '40', 'Chirurgien-dentiste', 'Dentist', 'chirurgien-dentiste'),
    ('G15_70', '70', 'Masseur-kinésithérapeute', 'Physiotherapist', 'masseur-kinesitherapeute')
    on conflict do nothing`.execute(db);
  await sql`insert into reason_kinds (code, label_fr, label_en, specialty_code, video) values
    ('first-consultation', 'Première consultation', 'First consultation', null, false),
    ('video-consultation', 'Consultation vidéo', 'Video consultation', null, true),
    ('eye-exam', 'Examen de la vue', 'Eye examination', 'SM38', false),
    ('mole-check', 'Contrôle des grains de beauté', 'Mole check', 'SM15', false)
    on conflict do nothing`.execute(db);
  const { rows } = await sql<{ code: string; latitude: number; longitude: number }>`
    select code, latitude, longitude from communes where code in (${sql.join(Object.values(COMMUNES).map((c) => c.code))})`.execute(db);
  const position = (code: string) => {
    const row = rows.find((r) => r.code === code)!;
    return { latitude: row.latitude, longitude: row.longitude };
  };
  return {
    nantes: position(COMMUNES.nantes.code), reze: position(COMMUNES.reze.code),
    nanterre: position(COMMUNES.nanterre.code), nant: position(COMMUNES.nant.code),
  };
}

/** The point `km` kilometres north (positive) or south of `from` (a degree of latitude is 111.2 km on earth()). */
export function northOf(from: Point, km: number): Point {
  return { latitude: from.latitude + km / (6378.168 * Math.PI / 180), longitude: from.longitude };
}

export interface ReasonFixture {
  kind?: string | null;
  name?: string;
  video?: boolean;
  onlineBookable?: boolean;
  durationMinutes?: number;
  priceCents?: number;
  /** Indexes of the places whose opening rules offer the reason; default all. */
  atPlaces?: number[];
}

export interface PlaceFixture {
  at: Point;
  communeCode: string;
  postalCode?: string;
  name?: string | null;
  phone?: string | null;
}

export interface PractitionerFixture {
  firstName?: string;
  lastName: string;
  title?: 'DR' | 'PR' | null;
  civility?: 'M' | 'MME';
  professionCode?: string;
  specialtyCode: string;
  sector?: Sector;
  languages?: string[];
  onlineBooking?: boolean;
  carteVitale?: boolean;
  tiersPayant?: boolean;
  paymentMethods?: string[];
  phone?: string | null;
  presentation?: string | null;
  places: PlaceFixture[];
  reasons?: ReasonFixture[];
  /** Opening rules of every place for every reason: ISO weekdays, 08:00–18:00 Paris; default Monday to Saturday. */
  weekdays?: number[];
  /** First date the opening rules apply (YYYY-MM-DD); null: always. */
  openFrom?: string | null;
}

export interface InsertedPractitioner {
  id: string;
  placeIds: string[];
  reasonIds: string[];
}

let rppsCounter = 0;

/** Inserts a practitioner with its places, reasons and opening rules. */
export async function insertPractitioner(db: Db, f: PractitionerFixture): Promise<InsertedPractitioner> {
  const { id } = await db.insertInto('practitioners').values({
    rpps: String(20_000_000_000 + (process.pid % 100_000) * 10_000 + ++rppsCounter).slice(-11),
    civility: f.civility ?? 'MME', title: f.title === undefined ? 'DR' : f.title,
    first_name: f.firstName ?? 'Claire', last_name: f.lastName,
    profession_code: f.professionCode ?? '10', specialty_code: f.specialtyCode, sector: f.sector ?? '1',
    languages: f.languages ?? ['fr'], online_booking: f.onlineBooking ?? true,
    carte_vitale: f.carteVitale ?? true, tiers_payant: f.tiersPayant ?? false, payment_methods: f.paymentMethods ?? ['card'],
    phone: f.phone === undefined ? '+33240000000' : f.phone, presentation: f.presentation ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  const placeIds: string[] = [];
  for (const place of f.places) {
    const row = await db.insertInto('places').values({
      practitioner_id: id, name: place.name ?? null, address: '3 rue de la Paix', postal_code: place.postalCode ?? '44000',
      commune_code: place.communeCode, latitude: place.at.latitude, longitude: place.at.longitude, phone: place.phone ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    placeIds.push(row.id);
  }
  const reasonIds: string[] = [];
  for (const [position, reason] of (f.reasons ?? [{ kind: 'first-consultation' }]).entries()) {
    const row = await db.insertInto('visit_reasons').values({
      practitioner_id: id, kind_code: reason.kind === undefined ? 'first-consultation' : reason.kind,
      name_fr: reason.name ?? 'Consultation', name_en: `${reason.name ?? 'Consultation'} (en)`,
      duration_minutes: reason.durationMinutes ?? 20, price_cents: reason.priceCents ?? 3000,
      online_bookable: reason.onlineBookable ?? true, video: reason.video ?? false, position,
    }).returning('id').executeTakeFirstOrThrow();
    reasonIds.push(row.id);
  }
  for (const [placeIndex, placeId] of placeIds.entries()) {
    const offered = reasonIds.filter((_, i) => f.reasons?.[i]?.atPlaces?.includes(placeIndex) ?? true);
    if (!offered.length) continue;
    for (const weekday of f.weekdays ?? [1, 2, 3, 4, 5, 6]) {
      await db.insertInto('opening_rules').values({
        practitioner_id: id, place_id: placeId, weekday, start_time: '08:00', end_time: '18:00',
        reason_ids: sql<OpeningRulesTable['reason_ids']>`${offered}::bigint[]`, valid_from: f.openFrom ?? null,
      }).execute();
    }
  }
  return { id, placeIds, reasonIds };
}
