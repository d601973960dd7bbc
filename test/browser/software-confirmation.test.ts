/**
 * C9 in a real browser (Debian's chromium, never downloaded): a practitioner ticks, in its settings, that its own
 * software confirms online bookings. A signed-in patient confirms a held slot → « Veuillez patienter quelques instants… » replaces the form
 * (focused, polite, with a progress bar still under reduced motion) while the page polls; the practice's software
 * then refuses (→ the refusal's sentence), lets the 2 minutes pass (the app's clock moved on: → the timed-out
 * sentence with the practice's phone) or accepts (→ the confirmed page) through its bearer API; a reload while waiting
 * shows the waiting state again, not the form. axe-core runs on every state; the strict CSP is watched.
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
import { createPracticeToken } from '../../src/features/practice-api/index.ts';
import { createSessionToken, SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { STAFF_SESSION_COOKIE } from '../../src/features/practice-auth/staff-session-store.ts';
import { createTestStaff, signInStaff } from '../../src/features/practice-auth/staff-test-support.ts';
import { allMessages } from '../../src/platform/i18n/catalogue.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { createTestAccount } from '../support/accounts.ts';
import { closeBrowserWorld, artifacts, assertAccessible, buildWeb, chromiumPath, launchBrowser, listenLocally, openPage } from './support/browser.ts';
import { chooseSlotAhead, findReason, type ReasonTarget } from './booking-journey-support.ts';

const fr = allMessages('fr');
const text = (key: string) => fr[key as keyof typeof fr] ?? assert.fail(`no French text for ${key}`);

describe('a practice confirming online bookings from its own software, in a browser (C9)', {
  skip: !existsSync(chromiumPath) && `no chromium at ${chromiumPath}`, timeout: 120_000,
}, () => {
  let t: TestDatabase;
  let app: App;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let target: ReasonTarget;
  let practiceToken = '';
  /** How far the app's clock is ahead of the real one (moved past `answerBy` to see a request time out). */
  let clockAhead = 0;
  const problems: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'creneau-software-confirmation-'));

  before(async () => {
    t = await freshDatabase();
    await seedDemo(t.pool, { practitioners: 40, seed: 3 });
    target = await findReason(t, sql<boolean>`r.capacity = 1 and not r.referral_required and r.instructions_fr is null
      and r.min_age_years is null and r.max_age_years is null`, '0') ?? assert.fail('the demo has a plain online reason');
    practiceToken = (await createPracticeToken(t.db, target.practitionerId, 'browser test', new Date()))?.token ?? assert.fail('a practice token');

    const webDist = path.join(scratch, 'dist');
    await buildWeb(webDist);
    app = await buildApp({ context: { db: t.db, now: () => new Date(Date.now() + clockAhead) }, routes: featureRoutes, webDist });
    base = await listenLocally(app);
    context = await launchBrowser(path.join(scratch, 'profile'));
    const account = await createTestAccount(t.db, { firstName: 'Inès', lastName: 'Logiciel', birthDate: '1985-03-02' });
    const session = await createSessionToken(t.db, { accountId: account.accountId, remembered: false, now: new Date() });
    const doctor = await signInStaff(app, t.db, await createTestStaff(t.db, { role: 'practitioner', practitionerId: target.practitionerId }));
    const staffSession = doctor.cookie.split('; ')[0]?.slice(STAFF_SESSION_COOKIE.length + 1) ?? '';
    // Both signed in as the app's sign-in would leave them (host-only, secure: the loopback counts as secure).
    const cookie = { domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' } as const;
    await context.addCookies([{ ...cookie, name: SESSION_COOKIE, value: session }, { ...cookie, name: STAFF_SESSION_COOKIE, value: staffSession }]);
    page = await openPage(context, problems);
  });

  after(() => closeBrowserWorld({ context, app, t, scratch }));

  /** Holds the first slot a few days ahead and confirms it for oneself: the page then waits for the practice. */
  async function confirmAndWait(): Promise<string> {
    await page.goto(`${base}/praticien/${target.practitionerId}?place=${target.placeId}&reason=${target.reasonId}`);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    const holdId = new URL(page.url()).searchParams.get('hold') ?? assert.fail('the hold is in the address');
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    const waiting = page.getByRole('status').filter({ hasText: text('web.confirm.pending.text') });
    await waiting.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('pending-message'), null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the waiting message'));
    assert.equal(await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).count(), 0, 'the form is gone');
    await page.getByRole('progressbar', { name: text('web.confirm.pending.progress') }).waitFor();
    return holdId;
  }

  /** What the practice's software says about the request, through its bearer API. */
  async function answer(holdId: string, accept: boolean): Promise<number> {
    const listed = await app.inject({ method: 'GET', url: '/api/practice/confirmations', headers: { authorization: `Bearer ${practiceToken}` } });
    assert.equal(listed.statusCode, 200);
    assert.ok((listed.json() as { confirmations: { holdId: string }[] }).confirmations.some((c) => c.holdId === holdId), 'the software sees the request');
    const res = await app.inject({
      method: 'POST', url: `/api/practice/confirmations/${holdId}`, headers: { authorization: `Bearer ${practiceToken}` }, payload: { accept },
    });
    return res.statusCode;
  }

  it('lets the practice tick, in its settings, that its own software confirms online bookings', async () => {
    await page.goto(`${base}/pro/parametres/motifs`);
    const box = page.getByRole('checkbox', { name: text('web.practice.software.label') });
    await box.waitFor();
    assert.equal(await box.isChecked(), false);
    await page.getByText(text('web.practice.software.hint')).waitFor();
    await box.check();
    await page.locator('.software-confirmation').getByRole('status').getByText(text('web.practice.saved')).waitFor();
    const row = await t.db.selectFrom('practitioners').select('confirms_from_software').where('id', '=', target.practitionerId).executeTakeFirstOrThrow();
    assert.equal(row.confirms_from_software, true);
    await assertAccessible(page, 'the reasons page with the software confirmation ticked');
  });

  it('waits for the practice’s software, then says it refused and leads back to the calendar', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const holdId = await confirmAndWait();
    assert.equal(await page.locator('.pending-dot').evaluate((dot) => getComputedStyle(dot).animationName), 'none', 'nothing moves under reduced motion');
    await assertAccessible(page, 'the waiting state');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'software-confirmation-waiting.png'), fullPage: true });
    await page.emulateMedia({ reducedMotion: null });

    assert.equal(await answer(holdId, false), 204);
    const refused = page.getByRole('alert').filter({ hasText: text('web.confirm.pending.refused') });
    await refused.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('pending-outcome'), null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the refusal'));
    assert.match(await refused.getByRole('link', { name: 'Choisir un autre créneau' }).getAttribute('href') ?? '',
      new RegExp(`^/praticien/${target.practitionerId}\\?`));
    await assertAccessible(page, 'the refused state');
  });

  it('says the software took too long once its 2 minutes are over, with the practice’s phone when it has one', async () => {
    await confirmAndWait();
    clockAhead = 3 * 60_000;
    try {
      const outcome = page.locator('.pending-outcome');
      await outcome.waitFor();
      const said = await outcome.innerText();
      const phone = outcome.locator('a[href^="tel:"]');
      if (await phone.count()) {
        assert.ok(said.startsWith(text('web.confirm.pending.timed_out')), said);
        assert.match(await phone.getAttribute('href') ?? '', /^tel:\+?\d{9,}$/, 'a number the phone can dial');
      } else assert.ok(said.startsWith(text('web.confirm.pending.timed_out.no_phone')), said);
      await assertAccessible(page, 'the timed-out state');
      await page.screenshot({ path: path.join(artifacts, 'software-confirmation-timed-out.png'), fullPage: true });
    } finally {
      clockAhead = 0;
    }
  });

  it('shows the waiting state again, not the form, when the patient reloads the page while waiting', async () => {
    const holdId = await confirmAndWait();
    await page.reload();
    await page.getByRole('status').filter({ hasText: text('web.confirm.pending.text') }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).count(), 0, 'no form after the reload');
    await page.getByRole('progressbar', { name: text('web.confirm.pending.progress') }).waitFor();
    await assertAccessible(page, 'the waiting state after a reload');

    assert.equal(await answer(holdId, true), 200);
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
    await assertAccessible(page, 'the confirmed page after a reload while waiting');
  });

  it('reaches the confirmed page once the practice’s software accepts', async () => {
    const holdId = await confirmAndWait();
    assert.equal(await answer(holdId, true), 200);
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
    assert.match(await page.locator('.appointment-facts').textContent() ?? '', /Inès Logiciel/);
    await assertAccessible(page, 'the confirmed page after the software accepted');
    assert.deepEqual(problems, []);
  });
});
