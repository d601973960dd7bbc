/**
 * Support of the booking journey in a browser: choosing a slot, and the practitioners and reasons of the demo dataset
 * the journey books with (the browser itself, axe, the CSP watch and the mailbox are in support/).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sql, type RawBuilder } from 'kysely';
import type { TestDatabase } from '../support/database.ts';

/** A practitioner booking online with a plain reason: new patients, no age limit, referral or instructions. */
export interface Target { practitionerId: string; firstName: string; lastName: string; placeId: string; reasonId: string; eightDayRule: boolean }

/** Another practitioner's reason, with its place. */
export interface ReasonTarget { practitionerId: string; lastName: string; placeId: string; reasonId: string; minAge: number | null }

/** The plain reason the journey books, preferring a specialty where the 8-day rule is on (C6). */
export async function findTarget(t: TestDatabase): Promise<Target> {
  const { rows } = await sql<{ id: string; first_name: string; last_name: string; place_id: string; reason_id: string; eight_day_rule: boolean }>`
    select pr.id::text as id, pr.first_name, pr.last_name, o.place_id::text as place_id, r.id::text as reason_id, s.eight_day_rule
    from practitioners pr
    join specialties s on s.code = pr.specialty_code
    join visit_reasons r on r.practitioner_id = pr.id
    join opening_rules o on o.practitioner_id = pr.id and o.reason_ids @> array[r.id]
    where pr.online_booking and r.online_bookable and r.new_patients and not r.referral_required and not r.video
      and r.min_age_years is null and r.max_age_years is null and r.capacity = 1 and r.instructions_fr is null
    order by s.eight_day_rule desc, pr.id, r.id limit 1`.execute(t.db);
  const row = rows[0];
  assert.ok(row, 'the demo dataset has a practitioner with a plain online reason');
  return {
    practitionerId: row.id, firstName: row.first_name, lastName: row.last_name, placeId: row.place_id, reasonId: row.reason_id,
    eightDayRule: row.eight_day_rule,
  };
}

/** Another practitioner's reason matching `condition` (on visit_reasons r), outside 8-day specialties. */
export async function findReason(t: TestDatabase, condition: RawBuilder<boolean>, except: string): Promise<ReasonTarget | null> {
  const { rows } = await sql<{ id: string; last_name: string; place_id: string; reason_id: string; min_age: number | null }>`
    select pr.id::text as id, pr.last_name, o.place_id::text as place_id, r.id::text as reason_id, r.min_age_years as min_age
    from practitioners pr
    join specialties s on s.code = pr.specialty_code
    join visit_reasons r on r.practitioner_id = pr.id
    join opening_rules o on o.practitioner_id = pr.id and o.reason_ids @> array[r.id]
    where pr.online_booking and r.online_bookable and r.new_patients and not r.video and not s.eight_day_rule
      and pr.id <> ${except}::bigint and ${condition}
    order by pr.id, r.id limit 1`.execute(t.db);
  const row = rows[0];
  return row ? { practitionerId: row.id, lastName: row.last_name, placeId: row.place_id, reasonId: row.reason_id, minAge: row.min_age } : null;
}

/** Pages the calendar forward (slots a few days ahead stay cancellable online: D3's 4 hours), then picks the first. */
export async function chooseSlotAhead(where: Page): Promise<string> {
  await where.locator('.calendar-days').waitFor();
  const range = where.locator('.calendar-range');
  const before = await range.textContent();
  await where.getByRole('button', { name: 'Jours suivants' }).click();
  await where.waitForFunction((text) => document.querySelector('.calendar-range')?.textContent !== text, before);
  await where.locator('.calendar-days').waitFor();
  for (let tries = 0; tries < 6 && (await where.locator('.calendar-day .slot').count()) === 0; tries++) {
    const next = where.getByRole('button', { name: /^Prochain RDV le/ });
    if (await next.count()) await next.click();
    else await where.getByRole('button', { name: 'Jours suivants' }).click();
    await where.locator('.calendar-days').waitFor();
  }
  const slot = where.locator('.calendar-day .slot').first();
  const name = await slot.getAttribute('aria-label') ?? '';
  await slot.click();
  return name;
}
