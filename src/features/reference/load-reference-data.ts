/** Loads the reference data (nomenclatures, communes, public holidays) into an empty database, once. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { projectRoot } from '../../platform/config/config.ts';
import { PROFESSIONS, REASON_KINDS, SPECIALTIES } from './nomenclature.ts';
import { parseCommunesTsv } from './domain/communes-tsv.ts';
import type { PositionedCommune } from './domain/commune-join.ts';
import { HOLIDAY_AREAS, publicHolidays } from './domain/public-holidays.ts';

export const COMMUNES_FILE = path.join(projectRoot, 'data', 'communes.tsv');
/** Agendas are opened a few years ahead at most; holidays cover them. */
export const HOLIDAY_YEARS = { first: 2024, last: 2035 } as const;

export interface ReferenceDataLoad {
  /** False when the data was already there and nothing was written. */
  loaded: boolean;
  communes: number;
  holidays: number;
}

type Trx = Transaction<Database>;

/** Inserts professions, specialties and reason kinds from the constants. */
async function insertNomenclatures(trx: Trx): Promise<void> {
  await trx.insertInto('professions').values(PROFESSIONS.map((p) => ({ ...p }))).execute();
  await trx.insertInto('specialties')
    .values(SPECIALTIES.map(({ code, profession_code, label_fr, label_en, slug, eight_day_rule }) =>
      ({ code, profession_code, label_fr, label_en, slug, eight_day_rule })))
    .execute();
  await trx.insertInto('reason_kinds')
    .values(REASON_KINDS.map(({ code, label_fr, label_en, specialty_code, video }) => ({ code, label_fr, label_en, specialty_code, video })))
    .execute();
}

/** One statement for ~35 000 communes: column arrays unnested server-side (postal codes travel space-joined). */
async function insertCommunes(trx: Trx, communes: PositionedCommune[]): Promise<void> {
  const column = <T>(pick: (c: PositionedCommune) => T): T[] => communes.map(pick);
  await sql`
    insert into communes (code, name, departement, postal_codes, population, latitude, longitude, approximate_position)
    select code, name, departement, string_to_array(nullif(postal_codes, ''), ' ')::text[], population, latitude, longitude, approximate
    from unnest(${column((c) => c.code)}::text[], ${column((c) => c.name)}::text[], ${column((c) => c.departement)}::text[],
                ${column((c) => c.postal_codes.join(' '))}::text[], ${column((c) => c.population)}::integer[],
                ${column((c) => c.latitude)}::float8[], ${column((c) => c.longitude)}::float8[],
                ${column((c) => c.approximate_position)}::boolean[])
      as t(code, name, departement, postal_codes, population, latitude, longitude, approximate)
  `.execute(trx);
}

/** Public holidays of every area for the years agendas may reach. */
async function insertHolidays(trx: Trx): Promise<number> {
  const rows = HOLIDAY_AREAS.flatMap((area) => {
    const years = Array.from({ length: HOLIDAY_YEARS.last - HOLIDAY_YEARS.first + 1 }, (_, i) => HOLIDAY_YEARS.first + i);
    return years.flatMap((year) => publicHolidays(year, area).map((h) => ({ area, day: h.day, name: h.name })));
  });
  await trx.insertInto('public_holidays').values(rows).execute();
  return rows.length;
}

/** Loads everything in one transaction, unless communes are already there; safe if two processes start at once. */
export async function loadReferenceData(db: Db): Promise<ReferenceDataLoad> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('creneau:reference-data'))`.execute(trx);
    const present = await trx.selectFrom('communes').select('code').limit(1).executeTakeFirst();
    if (present) return { loaded: false, communes: 0, holidays: 0 };
    const communes = parseCommunesTsv(await readFile(COMMUNES_FILE, 'utf8'));
    await insertNomenclatures(trx);
    await insertCommunes(trx, communes);
    const holidays = await insertHolidays(trx);
    return { loaded: true, communes: communes.length, holidays };
  });
}
