/**
 * The patient's search journey in a real browser (Debian's chromium, never downloaded): home → suggestions →
 * results → practitioner page → calendar, on a small deterministic demo dataset, with axe-core on every page,
 * the strict CSP checked for violations, and a 375-px phone screen. Screenshots land in test-results/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { seedDemo } from '../../src/features/demo/seed-demo.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import {
  assertFitsPhone, closeBrowserWorld, artifacts, assertAccessible, buildWeb, chromiumPath, escapeRegExp, launchBrowser, listenLocally, openPage,
} from './support/browser.ts';

/** An ophthalmologist of the dataset who books online, and the commune of one of its places. */
interface Target { practitionerId: string; name: string; city: string; postalCode: string }

async function findTarget(t: TestDatabase): Promise<Target> {
  const { rows } = await sql<{ id: string; first_name: string; last_name: string; city: string; postal_code: string }>`
    select pr.id::text as id, pr.first_name, pr.last_name, c.name as city, pl.postal_code
    from practitioners pr
    join specialties s on s.code = pr.specialty_code
    join places pl on pl.practitioner_id = pr.id
    join communes c on c.code = pl.commune_code
    where s.slug = 'ophtalmologue' and pr.online_booking
      and exists (select 1 from visit_reasons r where r.practitioner_id = pr.id and r.online_bookable)
    order by pr.id limit 1`.execute(t.db);
  const row = rows[0];
  assert.ok(row, 'the demo dataset has an ophthalmologist who books online');
  return { practitionerId: row.id, name: `${row.first_name} ${row.last_name}`, city: row.city, postalCode: row.postal_code };
}

describe('search journey in a browser (B1–B7, C1)', { skip: !existsSync(chromiumPath) && `no chromium at ${chromiumPath}`, timeout: 240_000 }, () => {
  let t: TestDatabase;
  let app: App;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let target: Target;
  /** The results page of the first test (specialty and commune code), reopened on a phone. */
  let resultsPath = '/recherche';
  /** The practitioner page as opened from the results (place and reason chosen). */
  let practitionerPath = '/';
  const problems: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'creneau-browser-'));

  before(async () => {
    t = await freshDatabase();
    await seedDemo(t.pool, { practitioners: 300, seed: 1 });
    target = await findTarget(t);
    const webDist = path.join(scratch, 'dist');
    await buildWeb(webDist);
    app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: featureRoutes, webDist });
    base = await listenLocally(app);
    mkdirSync(artifacts, { recursive: true });
    context = await launchBrowser(path.join(scratch, 'profile'));
    page = await openPage(context, problems);
  });

  after(() => closeBrowserWorld({ context, app, t, scratch }));

  it('finds an ophthalmologist by specialty and city through the suggestion lists', async () => {
    await page.goto(base);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await assertAccessible(page, 'the home page');

    const what = page.getByRole('combobox', { name: 'Nom, spécialité, établissement…' });
    await what.fill('ophtal');
    const specialty = page.getByRole('option', { name: 'Ophtalmologue', exact: true });
    await specialty.waitFor();
    assert.equal(await what.getAttribute('aria-expanded'), 'true');
    await assertAccessible(page, 'the home page with suggestions open');
    await specialty.click();
    assert.equal(await what.inputValue(), 'Ophtalmologue');

    const where = page.getByRole('combobox', { name: 'Où ?' });
    await where.fill(target.city);
    const department = target.postalCode.slice(0, 2);
    const place = page.getByRole('option').filter({ hasText: new RegExp(`^${escapeRegExp(target.city)} \\(${department}`) }).first();
    await place.click();
    await page.getByRole('button', { name: 'Rechercher' }).click();

    await page.waitForURL(/\/recherche\?.*specialty=ophtalmologue/);
    await page.getByRole('status').filter({ hasText: /praticiens? trouvés?/ }).waitFor();
    await page.getByRole('link', { name: new RegExp(escapeRegExp(target.name)) }).first().waitFor();
    assert.match(await page.title(), /Ophtalmologue/);
    resultsPath = new URL(page.url()).pathname + new URL(page.url()).search;
    const sent = new URL(page.url()).searchParams;
    assert.match(sent.get('place') ?? '', /^(\d{5}|2[AB]\d{3})$/, 'a picked commune travels as place=<INSEE code>');
    assert.equal(sent.get('where'), null);
    await assertAccessible(page, 'the results page');
  });

  it('keeps what the user types in the results page search box when the language changes', async () => {
    await page.goto(base + resultsPath);
    await page.getByRole('status').filter({ hasText: /praticiens? trouvés?/ }).waitFor();
    const where = page.getByRole('combobox', { name: 'Où ?' });
    assert.match(await where.inputValue(), new RegExp(`^${escapeRegExp(target.city)} \\(`), 'the picked commune is named once loaded');
    const what = page.getByRole('combobox', { name: 'Nom, spécialité, établissement…' });
    await what.fill('dermato');
    await page.getByRole('button', { name: 'English' }).click();
    try {
      await page.getByRole('status').filter({ hasText: /practitioners? found/i }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: /Name, specialty/ }).inputValue(), 'dermato');
    } finally {
      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('button', { name: 'English' }).waitFor();
    }
    await page.goto(base + resultsPath);
  });

  it('describes a suggested practitioner without a city by the specialty alone', async () => {
    await page.route('**/api/suggest?**', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ specialties: [], reasons: [], establishments: [],
        practitioners: [{ id: '1', name: 'Dr Sans Ville', specialty: 'Ophtalmologue', city: null }] }),
    }));
    try {
      await page.goto(base);
      await page.getByRole('combobox', { name: 'Nom, spécialité, établissement…' }).fill('sans ville');
      const option = page.getByRole('option').filter({ hasText: 'Dr Sans Ville' });
      await option.waitFor();
      assert.doesNotMatch(await option.textContent() ?? '', /null/);
      assert.match(await option.textContent() ?? '', /Ophtalmologue/);
    } finally {
      await page.unroute('**/api/suggest?**');
    }
    await page.goto(base + resultsPath);
    await page.getByRole('link', { name: new RegExp(escapeRegExp(target.name)) }).first().waitFor();
  });

  it('opens the practitioner and pages the calendar forward with the arrow', async () => {
    await page.getByRole('link', { name: new RegExp(escapeRegExp(target.name)) }).first().click();
    await page.waitForURL(new RegExp(`/praticien/${target.practitionerId}`));
    practitionerPath = new URL(page.url()).pathname + new URL(page.url()).search;
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(target.name)) }).waitFor();
    const range = page.locator('.calendar-range');
    await page.locator('.calendar-days').waitFor();
    const firstRange = await range.textContent();
    await assertAccessible(page, 'the practitioner page');

    await page.getByRole('button', { name: 'Jours suivants' }).click();
    await page.waitForFunction((before) => document.querySelector('.calendar-range')?.textContent !== before, firstRange);
    await page.locator('.calendar-days').waitFor();
    assert.notEqual(await range.textContent(), firstRange);
    assert.equal(await page.getByRole('button', { name: 'Jours précédents' }).isEnabled(), true);
    await assertAccessible(page, 'the practitioner page after paging the calendar');
    await page.screenshot({ path: path.join(artifacts, 'search-journey-practitioner.png'), fullPage: true });
  });

  it('names each slot with its day and time, and holds the chosen one on the confirmation page (C2)', async () => {
    for (let tries = 0; tries < 4 && (await page.locator('.calendar-day .slot').count()) === 0; tries++) {
      await page.getByRole('button', { name: 'Jours suivants' }).click();
      await page.locator('.calendar-days').waitFor();
    }
    const slot = page.locator('.calendar-day .slot').first();
    const name = await slot.getAttribute('aria-label');
    assert.match(name ?? '', /^\p{L}+ \d{1,2} \p{L}+ à \d{2}:\d{2}/u);
    await slot.click();
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByText(/Ce créneau vous est réservé encore 1[45] min/).waitFor();
    await page.goto(base + practitionerPath);
    await page.locator('.calendar-days').waitFor();
  });

  it('fits a 375-px phone screen on the results and practitioner pages', async () => {
    await assertFitsPhone(context, problems, base, (phone) => [
      { url: resultsPath,
        where: 'the results page on a phone', loaded: phone.getByRole('link', { name: new RegExp(escapeRegExp(target.name)) }).first() },
      { url: practitionerPath, where: 'the practitioner page on a phone', loaded: phone.locator('.calendar-days') },
    ], 'search-journey-phone.png');
  });

  it('switches to English, sends it to the API and remembers the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Next days' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const apiCall = page.waitForRequest((request) => request.url().includes(`/api/practitioners/${target.practitionerId}`));
    await page.reload();
    assert.equal((await apiCall).headers()['accept-language'], 'en');
    await page.getByRole('button', { name: 'Français' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await assertAccessible(page, 'the practitioner page in English');
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('keeps the keyboard focus in the filters when a reason is picked, then removed (WCAG 2.4.3)', async () => {
    await page.goto(base + resultsPath);
    const reason = page.getByRole('combobox', { name: 'Motif de consultation' });
    await reason.fill('consultation');
    await page.locator(`[id="${await reason.getAttribute('aria-controls')}"] [role="option"]`).first().waitFor();
    await reason.press('ArrowDown');
    await reason.press('Enter');
    await page.waitForURL(/[?&]reason=/);
    const focusedName = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('role') ?? ''}`);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Retirer ce motif', null, { timeout: 3_000 })
      .catch(async () => assert.fail(`focus is on ${await focusedName()}, not on « Retirer ce motif »`));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('reason'));
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox' && document.activeElement.closest('.filters'), null, { timeout: 3_000 })
      .catch(async () => assert.fail(`focus is on ${await focusedName()}, not on the reason box`));
  });

  it('runs without any Content-Security-Policy violation or script error', () => {
    assert.deepEqual(problems, []);
  });
});
