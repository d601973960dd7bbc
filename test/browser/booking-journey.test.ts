/**
 * The patient's booking journey in a real browser (Debian's chromium, never downloaded): search → practitioner → slot
 * (held 15 minutes) → sign-up inside the flow (the code read from the development mailbox) → « Pour qui ? » for a new
 * relative → « Mes rendez-vous » → « Déplacer le RDV » → « Annuler le RDV »; then the 8-day choice, refusals,
 * instructions, referral, expired holds, English, « Mon équipe soignante », the message links without a session, a
 * 375-px phone and the countdown. axe-core runs on every page and state visited; the strict CSP is checked for
 * violations. Screenshots land in test-results/.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { devMailboxPages } from '../../src/features/dev-mailbox/index.ts';
import { seedDemo } from '../../src/features/demo/seed-demo.ts';
import { appointmentLinks } from '../../src/features/booking/appointment-links.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import {
  assertFitsScreen, closeBrowserWorld, artifacts, assertAccessible, buildWeb, chromiumPath, escapeRegExp, launchBrowser, listenLocally, openPage, openPhone,
} from './support/browser.ts';
import { codeSentTo } from './support/mailbox.ts';
import { chooseSlotAhead, findReason, findTarget, type Target } from './booking-journey-support.ts';

describe('booking journey in a browser (C1–C10, D1–D4, A8)', { skip: !existsSync(chromiumPath) && `no chromium at ${chromiumPath}`, timeout: 300_000 }, () => {
  let t: TestDatabase;
  let app: App;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let target: Target;
  let practitionerName = '';
  /** The appointment booked for oneself, moved and cancelled later from the message links. */
  let selfAppointmentId = '';
  const phone = `+3361${String(randomInt(10_000_000)).padStart(7, '0')}`;
  const email = `booking-${randomInt(1_000_000)}@example.fr`;
  const problems: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'creneau-booking-'));

  before(async () => {
    t = await freshDatabase();
    await seedDemo(t.pool, { practitioners: 120, seed: 3 });
    target = await findTarget(t);
    const webDist = path.join(scratch, 'dist');
    await buildWeb(webDist);
    app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: featureRoutes, pages: [devMailboxPages()], webDist });
    base = await listenLocally(app);
    mkdirSync(artifacts, { recursive: true });
    context = await launchBrowser(path.join(scratch, 'profile'));
    page = await openPage(context, problems);
  });

  afterEach(async () => {
    if (!process.env.DEBUG_BROWSER) return;
    const text = await page.locator('main').innerText().catch(() => '');
    console.log(`[after step] ${page.url()}\n${text.slice(0, 1200)}`);
  });

  after(() => closeBrowserWorld({ context, app, t, scratch }));


  it('finds the practitioner by name and holds a slot for 15 minutes, with a way to log in or sign up', async () => {
    await page.goto(base);
    const what = page.getByRole('combobox', { name: 'Nom, spécialité, établissement…' });
    await what.fill(`${target.firstName} ${target.lastName}`);
    const option = page.getByRole('option').filter({ hasText: target.lastName }).first();
    await option.click();
    await page.waitForURL(new RegExp(`/praticien/${target.practitionerId}`));
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(target.lastName)) });
    await heading.waitFor();
    practitionerName = (await heading.textContent()) ?? '';
    const place = page.locator(`#place-${target.placeId}`);
    if (await place.count()) await place.check();
    await page.getByLabel('Motif de consultation').selectOption(target.reasonId);
    const slotName = await chooseSlotAhead(page);

    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('heading', { level: 1, name: 'Finaliser votre rendez-vous' }).waitFor();
    await page.getByText(/Ce créneau vous est réservé encore 1[45] min/).waitFor();
    const summary = page.getByRole('region', { name: 'Votre créneau' });
    assert.match(await summary.textContent() ?? '', new RegExp(`à ${/\d{2}:\d{2}/.exec(slotName)?.[0]}`));
    assert.match(await summary.textContent() ?? '', new RegExp(escapeRegExp(practitionerName)));
    await page.getByRole('heading', { name: 'Identifiez-vous pour confirmer' }).waitFor();
    assert.match(await page.getByRole('link', { name: 'S’inscrire' }).getAttribute('href') ?? '', /^\/inscription\?retour=%2Frendez-vous%2Fconfirmer%3Fhold%3D/);
    await assertAccessible(page, 'the confirmation page, signed out');
  });

  it('signs up inside the flow with the code from the development mailbox, and comes back to the held slot', async () => {
    const heldAt = page.url();
    await page.getByRole('link', { name: 'S’inscrire' }).click();
    await page.waitForURL(/\/inscription\?retour=/);
    await page.locator('#signup-phone').fill(phone);
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-email-confirmation').fill(email);
    await page.locator('#signup-password').fill('Lune-Bleue-2026!');
    await page.locator('#signup-terms').check();
    await page.locator('#signup-privacy').check();
    await assertAccessible(page, 'the sign-up page inside the booking');
    await page.getByRole('button', { name: 'S’inscrire' }).click();

    const code = page.locator('#signup-code');
    await code.waitFor();
    await assertAccessible(page, 'the sign-up code step');
    await code.fill(await codeSentTo(base, phone));
    await page.getByRole('button', { name: 'Valider le code' }).click();

    await page.waitForURL(heldAt);
    await page.getByRole('heading', { level: 1, name: 'Finaliser votre rendez-vous' }).waitFor();
    await page.getByRole('group', { name: 'Pour qui ?' }).waitFor();
    await page.getByRole('link', { name: 'Mes rendez-vous' }).waitFor();
    await assertAccessible(page, 'the confirmation page, signed in');
  });

  it('says what is missing, with the focus on the summary, before confirming for a new relative', async () => {
    await page.getByRole('radio', { name: 'Ajouter un proche' }).check();
    await page.locator('#new-relative-first-name').waitFor();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText(/Renseignez le champ « Prénom »/).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the error summary'));
    await assertAccessible(page, 'the confirmation page with errors');
    await page.screenshot({ path: path.join(artifacts, 'booking-journey-confirm-form.png'), fullPage: true });

    await page.locator('#new-relative-first-name').fill('Léa');
    await page.locator('#new-relative-last-name').fill('Testeur');
    await page.locator('#new-relative-birth-date').fill('2014-05-14');
    await page.locator('#new-relative-birth-date').press('Enter');

    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
    const facts = await page.locator('.appointment-facts').textContent() ?? '';
    assert.match(facts, /Léa Testeur/);
    assert.match(facts, new RegExp(escapeRegExp(practitionerName)));
    await assertAccessible(page, 'the confirmed page');
    await page.screenshot({ path: path.join(artifacts, 'booking-journey-confirmed.png'), fullPage: true });
  });

  it('lists the appointment in « Mes rendez-vous », reached from the header', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes rendez-vous' }).click();
    await page.waitForURL(/\/mes-rendez-vous$/);
    const upcoming = page.getByRole('region', { name: 'À venir' });
    await upcoming.getByRole('article').first().waitFor();
    assert.equal(await upcoming.getByRole('article').count(), 1);
    assert.match(await upcoming.getByRole('article').textContent() ?? '', /Léa Testeur/);
    await page.getByRole('region', { name: 'Passés' }).getByText('Aucun rendez-vous passé.').waitFor();
    await assertAccessible(page, '« Mes rendez-vous »');
  });

  it('moves it to another time of the same practitioner, the old one released only then', async () => {
    const before = await page.getByRole('region', { name: 'À venir' }).getByRole('article').first().getByRole('heading').textContent();
    await page.getByRole('link', { name: /^Déplacer le RDV/ }).click();
    await page.waitForURL(/\/mes-rendez-vous\/[0-9a-f-]{36}\/deplacer$/);
    await page.getByRole('heading', { level: 1, name: 'Déplacer le rendez-vous' }).waitFor();
    await page.locator('.calendar-days').waitFor();
    await assertAccessible(page, 'the move page');

    await page.getByRole('button', { name: 'Aucune disponibilité ne vous convient ?' }).click();
    await page.getByRole('button', { name: 'Conserver mon rendez-vous' }).waitFor();
    await assertAccessible(page, 'the move page with « Aucune disponibilité ne vous convient ? » open');

    const chosen = await chooseSlotAhead(page);
    const step = page.getByRole('heading', { name: 'Nouveau créneau' });
    await step.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'move-new-title', null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the new slot'));
    await page.getByText(/Ce créneau vous est réservé encore/).waitFor();
    await assertAccessible(page, 'the move page with a new slot held');
    await page.getByRole('button', { name: 'Confirmer le déplacement' }).click();

    await page.waitForURL(/\/mes-rendez-vous$/);
    await page.getByText(/Votre rendez-vous est déplacé au/).waitFor();
    const upcoming = page.getByRole('region', { name: 'À venir' });
    await upcoming.getByRole('article').first().waitFor();
    const headings = await upcoming.getByRole('article').getByRole('heading').allTextContents();
    const time = /\d{2}:\d{2}/.exec(chosen)?.[0] ?? '';
    assert.ok(headings.some((heading) => heading.includes(time) && heading !== before), `the new time ${chosen} is listed: ${headings.join(' | ')}`);
    assert.equal(await upcoming.getByRole('button', { name: /^Annuler le RDV/ }).count(), 1, 'only the new appointment can be cancelled');
    await assertAccessible(page, '« Mes rendez-vous » after a move');
  });

  it('cancels it after a confirmation dialog; it stays listed as cancelled, with nothing to delete', async () => {
    const cancel = page.getByRole('button', { name: /^Annuler le RDV/ });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Annuler ce rendez-vous ?' });
    await dialog.waitFor();
    await assertAccessible(page, 'the cancel dialog');
    await dialog.getByRole('button', { name: 'Annuler le RDV' }).click();

    await page.getByText(/Votre rendez-vous du .* est annulé\./).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Annuler le RDV/ }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /^Déplacer le RDV/ }).count(), 0);
    assert.ok(await page.getByText(/^Annulé le /).count() >= 1);
    assert.equal(await page.getByRole('button', { name: /Supprimer/ }).count(), 0);
    await assertAccessible(page, '« Mes rendez-vous » after cancelling');
    await page.screenshot({ path: path.join(artifacts, 'booking-journey-my-appointments.png'), fullPage: true });
  });

  it('books for oneself, filling the identity « Mon compte » lacks', async () => {
    await openCalendar(target);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('radio', { name: 'Moi-même' }).check();
    await page.locator('#patient-first-name').fill('Camille');
    await page.locator('#patient-last-name').fill('Essai');
    await page.locator('#patient-birth-date').fill('1988-02-03');
    await assertAccessible(page, 'the confirmation page with the identity fields');
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    assert.match(await page.locator('.appointment-facts').textContent() ?? '', /Camille Essai/);
    selfAppointmentId = /\/rendez-vous\/([0-9a-f-]{36})\/confirme$/.exec(page.url())?.[1] ?? '';
  });

  it('applies the 8-day rule: « Remplacer par celui en cours » books the new one and cancels the other (C6)', async (test) => {
    if (!target.eightDayRule) return test.skip('no 8-day specialty in the dataset');
    await openCalendar(target);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('radio', { name: /^Moi-même/ }).check();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    const choice = page.getByRole('heading', { name: 'Vous avez déjà un rendez-vous proche de celui-ci' });
    await choice.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'eight-day-title', null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the 8-day choice'));
    await page.getByRole('button', { name: 'Conserver le rendez-vous initial' }).waitFor();
    await assertAccessible(page, 'the 8-day choice');
    await page.getByRole('button', { name: 'Remplacer par celui en cours' }).click();
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await page.getByText(/a été annulé et remplacé par celui-ci/).waitFor();
    selfAppointmentId = /\/rendez-vous\/([0-9a-f-]{36})\/confirme$/.exec(page.url())?.[1] ?? '';
    await assertAccessible(page, 'the confirmed page after replacing');
  });

  it('refuses a patient outside the reason’s ages (the relative’s birth date counts), with its message in focus (C5)', async (test) => {
    // Léa (born 2014) is too young for a minimum of 13 or more; Camille (born 1988) too old for a maximum of 18 or less.
    const reason = await findReason(t, sql<boolean>`(r.min_age_years >= 13 or r.max_age_years <= 18) and not r.referral_required and r.instructions_fr is null`,
      target.practitionerId);
    if (!reason) return test.skip('no reason with age limits in the dataset');
    await openCalendar(reason);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('radio', { name: reason.minAge !== null ? 'Léa Testeur' : /^Moi-même/ }).check();
    await page.getByText(/Ce motif a des limites d’âge/).waitFor();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.locator('.error-summary').getByText(/ne prend pas de patient de (moins|plus) de \d+ ans/).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 3_000 })
      .catch(() => assert.fail('the focus moves to the refusal'));
    await assertAccessible(page, 'an age refusal');
  });

  it('asks to accept the practice’s instructions before confirming (C3)', async (test) => {
    const reason = await findReason(t, sql<boolean>`r.instructions_fr is not null and not r.referral_required and r.min_age_years is null and r.max_age_years is null`, target.practitionerId);
    if (!reason) return test.skip('no reason with instructions in the dataset');
    await openCalendar(reason);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('heading', { name: 'Consignes du cabinet' }).waitFor();
    await page.getByRole('radio', { name: 'Léa Testeur' }).check();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.locator('.error-summary').getByText(/Cochez « J’ai lu et j’accepte les consignes »/).waitFor();
    await assertAccessible(page, 'the instructions left unaccepted');
    await page.getByRole('checkbox', { name: /J’ai lu et j’accepte les consignes/ }).check();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
  });

  it('asks « Quel est le praticien qui vous adresse ? » from a list (C5)', async (test) => {
    const reason = await findReason(t, sql<boolean>`r.referral_required and r.instructions_fr is null and r.min_age_years is null and r.max_age_years is null`, target.practitionerId);
    if (!reason) return test.skip('no reason requiring a referral in the dataset');
    await openCalendar(reason);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('radio', { name: 'Léa Testeur' }).check();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.locator('.error-summary').getByText('Choisissez dans la liste le praticien qui vous adresse.').waitFor();
    const referral = page.getByRole('combobox', { name: 'Quel est le praticien qui vous adresse ?' });
    await referral.fill(target.lastName.slice(0, 4));
    const option = page.getByRole('option').first();
    await option.waitFor();
    await assertAccessible(page, 'the referring practitioner list open');
    await referral.press('ArrowDown');
    await referral.press('Enter');
    await page.getByText(/^Praticien choisi : /).waitFor();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
  });

  it('says when the hold has expired and leads back to the practitioner’s calendar (C2)', async () => {
    await openCalendar(target);
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    const holdId = new URL(page.url()).searchParams.get('hold') ?? '';
    await sql`update appointments set hold_expires_at = now() - interval '1 second' where id = ${holdId}::uuid and status = 'held'`.execute(t.db);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ce créneau ne vous est plus réservé' }).waitFor();
    await assertAccessible(page, 'an expired hold');
    await page.getByRole('link', { name: 'Revenir au calendrier du praticien' }).click();
    await page.waitForURL(new RegExp(`/praticien/${target.practitionerId}\\?`));
    await page.locator('.calendar-days').waitFor();
  });

  it('speaks English on the confirmation page when asked', async () => {
    await chooseSlotAhead(page);
    await page.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await page.getByRole('button', { name: 'English' }).click();
    try {
      await page.getByRole('heading', { level: 1, name: 'Complete your appointment' }).waitFor();
      await page.getByText(/This time is held for you for another/).waitFor();
      await page.getByRole('group', { name: 'Who is it for?' }).waitFor();
      await assertAccessible(page, 'the confirmation page in English');
    } finally {
      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('button', { name: 'English' }).waitFor();
    }
  });

  it('lists the practitioner in « Mon équipe soignante » and removes them with « Retirer »', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes rendez-vous' }).click();
    await page.getByRole('link', { name: 'Mon équipe soignante' }).click();
    await page.waitForURL(/\/mon-equipe-soignante$/);
    const card = page.getByRole('article', { name: practitionerName, exact: true });
    await card.waitFor();
    await assertAccessible(page, '« Mon équipe soignante »');
    await card.getByRole('button', { name: /^Retirer/ }).click();
    await page.getByText(/ne figure plus dans votre équipe soignante/).waitFor();
    assert.equal(await page.getByRole('article', { name: practitionerName, exact: true }).count(), 0);
    await assertAccessible(page, '« Mon équipe soignante » after a removal');
  });

  it('moves, then cancels, from the message links without a session', async () => {
    const booked = selfAppointmentId;
    const links = await linksOf(booked);
    await context.clearCookies();

    await page.goto(links.moveUrl);
    await page.getByRole('heading', { level: 1, name: 'Déplacer votre rendez-vous' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    await assertAccessible(page, 'the move link page');
    await chooseSlotAhead(page);
    await page.getByRole('button', { name: 'Confirmer le déplacement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rendez-vous déplacé' }).waitFor();
    await assertAccessible(page, 'the move link page once moved');

    const moved = await sql<{ id: string }>`select replaced_by::text as id from appointments where id = ${booked}::uuid`.execute(t.db);
    const newId = moved.rows[0]?.id ?? '';
    assert.ok(newId, 'the old appointment names its replacement');

    // A link opened again from the message (a new page load, not a same-document fragment change).
    await page.goto('about:blank');
    await page.goto(links.moveUrl);
    await page.getByRole('heading', { level: 1, name: 'Ce lien ne fonctionne plus' }).waitFor();
    await assertAccessible(page, 'a used move link');

    await page.goto((await linksOf(newId)).cancelUrl);
    await page.getByRole('heading', { level: 1, name: 'Annuler votre rendez-vous' }).waitFor();
    await assertAccessible(page, 'the cancel link page');
    await page.getByRole('button', { name: /^Annuler le RDV/ }).click();
    await page.getByRole('dialog', { name: 'Annuler ce rendez-vous ?' }).getByRole('button', { name: 'Annuler le RDV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rendez-vous annulé' }).waitFor();
    await assertAccessible(page, 'the cancel link page once cancelled');
  });

  it('fits a 375-px phone screen', async () => {
    const small = await openPhone(context, problems);
    await small.goto(`${base}/praticien/${target.practitionerId}?place=${target.placeId}&reason=${target.reasonId}`);
    await chooseSlotAhead(small);
    await small.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await small.getByRole('heading', { name: 'Identifiez-vous pour confirmer' }).waitFor();
    await assertFitsScreen(small, 'the confirmation page on a phone');
    await small.screenshot({ path: path.join(artifacts, 'booking-journey-phone.png'), fullPage: true });
    await small.close();
  });

  it('counts the 15 minutes down, announcing only 5 and 1 minute left, then says the hold has expired (C2)', async () => {
    // The clock is the context's: this runs last, as it moves every page's time forward.
    const timed = await openPage(context, problems);
    await timed.clock.install();
    await timed.goto(`${base}/praticien/${target.practitionerId}?place=${target.placeId}&reason=${target.reasonId}`);
    await chooseSlotAhead(timed);
    await timed.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await timed.getByText(/Ce créneau vous est réservé encore 1[45] min/).waitFor();
    const announcement = timed.locator('.hold-countdown [role="status"]');
    assert.equal(await announcement.textContent(), '', 'nothing is announced while the time ticks');
    await timed.clock.fastForward('10:00');
    await announcement.filter({ hasText: 'Plus que 5 minutes pour confirmer ce rendez-vous.' }).waitFor();
    await timed.clock.fastForward('04:00');
    await announcement.filter({ hasText: 'Plus qu’une minute pour confirmer ce rendez-vous.' }).waitFor();
    await assertAccessible(timed, 'the countdown in its last minute');
    await timed.clock.fastForward('01:30');
    await timed.getByRole('heading', { level: 1, name: 'Ce créneau ne vous est plus réservé' }).waitFor();
    await timed.getByRole('link', { name: 'Revenir au calendrier du praticien' }).waitFor();
    await timed.close();
  });

  it('runs without any Content-Security-Policy violation or script error', () => {
    assert.deepEqual(problems, []);
  });

  /** The practitioner's page with a place and reason chosen. */
  async function openCalendar(reason: { practitionerId: string; placeId: string; reasonId: string }): Promise<void> {
    await page.goto(`${base}/praticien/${reason.practitionerId}?place=${reason.placeId}&reason=${reason.reasonId}`);
  }


  async function linksOf(appointmentId: string) {
    const row = await t.db.selectFrom('appointments').select('starts_at').where('id', '=', appointmentId).executeTakeFirstOrThrow();
    return appointmentLinks(t.db, { id: appointmentId, start: row.starts_at }, base);
  }
});

