/**
 * Support of the booking journey in a browser: the web build, the chromium context, axe, the CSP watch, choosing a
 * slot, the development mailbox, and the practitioners and reasons of the demo dataset the journey books with.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { sql, type RawBuilder } from 'kysely';
import { projectRoot } from '../../src/platform/config/config.ts';
import type { TestDatabase } from '../support/database.ts';

export const chromiumPath = process.env.CRENEAU_CHROMIUM ?? '/usr/bin/chromium';
export const artifacts = path.join(projectRoot, 'test-results');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A practitioner booking online with a plain reason: new patients, no age limit, referral or instructions. */
export interface Target { practitionerId: string; firstName: string; lastName: string; placeId: string; reasonId: string; eightDayRule: boolean }

/** Another practitioner's reason, with its place. */
export interface ReasonTarget { practitionerId: string; lastName: string; placeId: string; reasonId: string; minAge: number | null }

/** Builds the web app from the current sources into a temporary folder (never a stale web/dist). */
export async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Headless chromium in French, in Paris, with its profile in `profileDir`. */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

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

/** Runs axe on the page as it is and fails on any violation, naming the rule and the elements. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  assert.deepEqual(found, [], `axe found violations on ${where}`);
}

/** A page that records CSP violations and script errors in `problems`. */
export async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  return page;
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

/** The 6-digit code of the last message to `to`, as the development mailbox shows it. */
export async function codeSentTo(base: string, to: string): Promise<string> {
  for (let tries = 0; tries < 20; tries++) {
    const response = await fetch(`${base}/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
    const { messages } = await response.json() as { messages: { text: string }[] };
    const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`no code sent to ${to}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
