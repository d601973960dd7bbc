/**
 * Absences and holidays (an absence is a period: closed, SPEC J1) and replacements (a colleague consults in the
 * agenda: its slots carry the blue dot, C1). Periods are typed in Paris dates and times (domain/periods.ts).
 * An absence cancels nothing: the answer lists the appointments it now leaves outside the hours.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { normaliseName } from '../accounts/domain/people.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { periodInstants, type PeriodInput } from './domain/periods.ts';
import { PeriodInvalid, PracticeRecordNotFound } from './errors.ts';
import { findOutsideHours, type OutsideHoursView } from './outside-hours.ts';
import { readAbsences, readReplacements, type AbsenceView, type ReplacementView } from './settings-views.ts';

/** Closes the agenda over a period; answers it and the appointments now outside the hours. */
export async function addAbsence(
  db: Db, practitionerId: string, input: PeriodInput, lang: Language, now: Date,
): Promise<{ absence: AbsenceView; outsideHours: OutsideHoursView[] }> {
  const period = readPeriod(input);
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    const created = await trx.insertInto('absences')
      .values({ practitioner_id: practitionerId, starts_at: period.start, ends_at: period.end })
      .returning('id').executeTakeFirstOrThrow();
    const [absence] = await readAbsences(trx, practitionerId, now, created.id);
    return { absence: absence!, outsideHours: await findOutsideHours(trx, practitionerId, lang, now) };
  });
}

/** Reopens the agenda over an absence's period. */
export async function removeAbsence(db: Db, practitionerId: string, absenceId: string): Promise<void> {
  await inAgendaTransaction(db, practitionerId, async (trx) => {
    const removed = await trx.deleteFrom('absences').where('id', '=', absenceId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw new PracticeRecordNotFound('absence_not_found');
  });
}

/** Records a replacement's period (its name is shown to the practice; patients see the blue dot). */
export async function addReplacement(
  db: Db, practitionerId: string, input: PeriodInput & { firstName: string; lastName: string }, now: Date,
): Promise<ReplacementView> {
  const period = readPeriod(input);
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    const created = await trx.insertInto('replacements').values({
      practitioner_id: practitionerId,
      replacement_first_name: normaliseName(input.firstName),
      replacement_last_name: normaliseName(input.lastName),
      starts_at: period.start,
      ends_at: period.end,
    }).returning('id').executeTakeFirstOrThrow();
    return (await readReplacements(trx, practitionerId, now, created.id))[0]!;
  });
}

/** Deletes a replacement's period. */
export async function removeReplacement(db: Db, practitionerId: string, replacementId: string): Promise<void> {
  await inAgendaTransaction(db, practitionerId, async (trx) => {
    const removed = await trx.deleteFrom('replacements').where('id', '=', replacementId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw new PracticeRecordNotFound('replacement_not_found');
  });
}

/** The period's instants, or 400. */
function readPeriod(input: PeriodInput): { start: Date; end: Date } {
  const period = periodInstants(input);
  if (!period) throw new PeriodInvalid();
  return period;
}
