/**
 * Weekly opening hours of one place (SPEC J1): the practice sends the place's whole week (several intervals a day,
 * the gaps are breaks, each for some reasons, optionally between validity dates), which replaces the stored one in
 * ONE transaction. Nothing is cancelled: the answer lists the appointments now outside the hours.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { OpeningRulesTable } from '../../platform/db/schema.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { findOpeningProblem, type WeeklyInterval } from './domain/opening-hours.ts';
import { OpeningInvalid, OpeningOverlap, PracticeRecordNotFound } from './errors.ts';
import { findOutsideHours, type OutsideHoursView } from './outside-hours.ts';
import { readOpeningRules, readPlaces, type OpeningRuleView } from './settings-views.ts';

/** Replaces the place's weekly hours; answers them and the appointments now outside the hours. */
export async function replaceOpeningHours(
  db: Db, practitionerId: string, placeId: string, intervals: readonly WeeklyInterval[], lang: Language, now: Date,
): Promise<{ openingHours: OpeningRuleView[]; outsideHours: OutsideHoursView[] }> {
  const problem = findOpeningProblem(intervals);
  if (problem?.kind === 'invalid') throw new OpeningInvalid();
  if (problem?.kind === 'overlap') throw new OpeningOverlap(problem.weekday);
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    if (!(await readPlaces(trx, practitionerId, placeId)).length) throw new PracticeRecordNotFound('place_not_found');
    await ensureOwnReasons(trx, practitionerId, intervals);
    await trx.deleteFrom('opening_rules').where('practitioner_id', '=', practitionerId).where('place_id', '=', placeId).execute();
    if (intervals.length) {
      await trx.insertInto('opening_rules').values(intervals.map((interval) => ({
        practitioner_id: practitionerId,
        place_id: placeId,
        weekday: interval.weekday,
        start_time: interval.start,
        end_time: interval.end,
        reason_ids: sql<OpeningRulesTable['reason_ids']>`${[...new Set(interval.reasonIds)]}::bigint[]`,
        valid_from: interval.validFrom,
        valid_until: interval.validUntil,
      }))).execute();
    }
    return {
      openingHours: await readOpeningRules(trx, practitionerId, placeId),
      outsideHours: await findOutsideHours(trx, practitionerId, lang, now),
    };
  });
}

/** Every reason named must be one of the practitioner's. */
async function ensureOwnReasons(db: Db, practitionerId: string, intervals: readonly WeeklyInterval[]): Promise<void> {
  const named = [...new Set(intervals.flatMap((interval) => interval.reasonIds))];
  if (!named.length) return;
  const own = await db.selectFrom('visit_reasons').select('id')
    .where('practitioner_id', '=', practitionerId).where('id', 'in', named).execute();
  if (own.length !== named.length) throw new PracticeRecordNotFound('reason_not_found');
}
