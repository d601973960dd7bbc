/**
 * Visit reasons (« motifs », SPEC J2): duration, price, online booking, new patients, age limits, referral, video,
 * patients per slot (C7), notifications (E4) and the practice's instructions (C3). Changing one never cancels an
 * appointment: the answer lists those now outside the hours. A reason named by appointments is never deleted.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { sql, type Insertable } from 'kysely';
import type { VisitReasonsTable } from '../../platform/db/schema.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { PracticeRecordNotFound, ReasonInUse, SettingInvalid } from './errors.ts';
import { findOutsideHours, type OutsideHoursView } from './outside-hours.ts';
import { readReasons, type ReasonView } from './settings-views.ts';

export interface ReasonInput {
  labelFr: string;
  labelEn?: string | null;
  kindCode?: string | null;
  durationMinutes: number;
  priceCents: number;
  onlineBookable?: boolean;
  newPatients?: boolean;
  minAgeYears?: number | null;
  maxAgeYears?: number | null;
  referralRequired?: boolean;
  video?: boolean;
  capacity?: number;
  notifications?: boolean;
  instructionsFr?: string | null;
  instructionsEn?: string | null;
  position?: number;
}

/** Adds a visit reason (offered nowhere until opening hours name it). */
export async function createReason(db: Db, practitionerId: string, input: ReasonInput): Promise<ReasonView> {
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    await ensureValid(trx, input);
    const values: Insertable<VisitReasonsTable> = {
      ...columnsOf(input),
      practitioner_id: practitionerId,
      name_fr: input.labelFr.trim(),
      name_en: optionalText(input.labelEn) ?? input.labelFr.trim(),
      duration_minutes: input.durationMinutes,
      price_cents: input.priceCents,
    };
    const created = await trx.insertInto('visit_reasons').values(values).returning('id').executeTakeFirstOrThrow();
    return (await readReasons(trx, practitionerId, created.id))[0]!;
  });
}

/** Changes the given fields of a reason; answers the appointments now outside the hours. */
export async function updateReason(
  db: Db, practitionerId: string, reasonId: string, patch: Partial<ReasonInput>, lang: Language, now: Date,
): Promise<{ reason: ReasonView; outsideHours: OutsideHoursView[] }> {
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    const [current] = await readReasons(trx, practitionerId, reasonId);
    if (!current) throw new PracticeRecordNotFound('reason_not_found');
    await ensureValid(trx, { ...current, ...patch });
    const labelFr = patch.labelFr?.trim() ?? current.labelFr;
    const columns = {
      ...columnsOf(patch),
      ...(patch.labelFr !== undefined ? { name_fr: labelFr } : {}),
      // An English label erased follows the French one.
      ...(patch.labelEn !== undefined ? { name_en: optionalText(patch.labelEn) ?? labelFr } : {}),
    };
    if (Object.keys(columns).length) await trx.updateTable('visit_reasons').set(columns).where('id', '=', reasonId).execute();
    const [reason] = await readReasons(trx, practitionerId, reasonId);
    return { reason: reason!, outsideHours: await findOutsideHours(trx, practitionerId, lang, now) };
  });
}

/** Deletes a reason no appointment names, and takes it out of the opening hours. */
export async function deleteReason(db: Db, practitionerId: string, reasonId: string): Promise<void> {
  await inAgendaTransaction(db, practitionerId, async (trx) => {
    const [current] = await readReasons(trx, practitionerId, reasonId);
    if (!current) throw new PracticeRecordNotFound('reason_not_found');
    const used = await trx.selectFrom('appointments').select('id').where('reason_id', '=', reasonId).limit(1).executeTakeFirst();
    if (used) throw new ReasonInUse();
    await sql`update opening_rules set reason_ids = array_remove(reason_ids, ${reasonId}::bigint)
               where practitioner_id = ${practitionerId} and reason_ids @> array[${reasonId}::bigint]`.execute(trx);
    await sql`delete from opening_rules where practitioner_id = ${practitionerId} and cardinality(reason_ids) = 0`.execute(trx);
    await trx.deleteFrom('visit_reasons').where('id', '=', reasonId).execute();
  });
}

/** What the schema cannot check alone: ages in order, a known kind. */
async function ensureValid(db: Db, reason: Partial<ReasonInput>): Promise<void> {
  const { minAgeYears, maxAgeYears, kindCode } = reason;
  if (minAgeYears != null && maxAgeYears != null && minAgeYears > maxAgeYears) throw new SettingInvalid('ages_order');
  if (kindCode) {
    const kind = await db.selectFrom('reason_kinds').select('code').where('code', '=', kindCode).executeTakeFirst();
    if (!kind) throw new SettingInvalid('kind_unknown');
  }
}

/** A text field: empty means none. */
function optionalText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value.trim();
}

/** The columns of the settings given, labels apart. */
function columnsOf(input: Partial<ReasonInput>) {
  return {
    ...(input.kindCode !== undefined ? { kind_code: input.kindCode || null } : {}),
    ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
    ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
    ...(input.onlineBookable !== undefined ? { online_bookable: input.onlineBookable } : {}),
    ...(input.newPatients !== undefined ? { new_patients: input.newPatients } : {}),
    ...(input.minAgeYears !== undefined ? { min_age_years: input.minAgeYears } : {}),
    ...(input.maxAgeYears !== undefined ? { max_age_years: input.maxAgeYears } : {}),
    ...(input.referralRequired !== undefined ? { referral_required: input.referralRequired } : {}),
    ...(input.video !== undefined ? { video: input.video } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.notifications !== undefined ? { notifications: input.notifications } : {}),
    ...(input.instructionsFr !== undefined ? { instructions_fr: optionalText(input.instructionsFr) } : {}),
    ...(input.instructionsEn !== undefined ? { instructions_en: optionalText(input.instructionsEn) } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
  };
}
