/**
 * The practitioner's journey in a real browser (Debian's chromium, never downloaded), with a patient in a second
 * browser context: the practitioner logs in to /pro (the code read from the development mailbox) → adds a visit reason
 * and an evening opening range for it → the patient books that reason online → the appointment shows in the week view
 * → the appointment's time passes (the server's clock, then the browser's, jump to it: the staff session has expired
 * and the trusted device logs back in without a code) → « Déclarer une absence du patient » → with two earlier
 * no-shows prepared in the database, this third one blocks the patient's next online booking with a clear message →
 * « Débloquer le patient » lifts that block and the patient's booking goes through → « Mon compte »: a wrong current
 * password is refused in focus, then the password is changed.
 * axe-core runs on every page and state visited; the strict CSP is checked for violations.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sql } from 'kysely';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { devMailboxPages } from '../../src/features/dev-mailbox/index.ts';
import { seedDemo } from '../../src/features/demo/seed-demo.ts';
import { createTestStaff } from '../../src/features/practice-auth/staff-test-support.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { createTestAccount } from '../support/accounts.ts';
import {
  artifacts, assertAccessible, assertFitsScreen, buildWeb, chromiumLaunch, chromiumPath, contextOptions, listenLocally, openPage,
} from './support/browser.ts';
import { codeSentTo as codeSentToMailbox } from './support/mailbox.ts';

const weekdays = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];
const reasonLabel = 'Consultation du soir';

interface Target { practitionerId: string; lastName: string; placeId: string; otherReasonId: string; placeCount: number }

/** A practitioner booking online, outside 8-day specialties, with a place open online and one of its reasons. */
async function findTarget(t: TestDatabase): Promise<Target> {
  const { rows } = await sql<{ id: string; last_name: string; place_id: string; reason_id: string; place_count: string }>`
    select pr.id::text as id, pr.last_name, pl.id::text as place_id, min(r.id)::text as reason_id,
      (select count(*) from places p2 where p2.practitioner_id = pr.id)::text as place_count
    from practitioners pr
    join specialties s on s.code = pr.specialty_code
    join places pl on pl.practitioner_id = pr.id and pl.online_booking
    join visit_reasons r on r.practitioner_id = pr.id
    where pr.online_booking and not s.eight_day_rule
    group by pr.id, pr.last_name, pl.id
    order by pr.id, pl.id limit 1`.execute(t.db);
  const row = rows[0];
  assert.ok(row, 'the demo dataset has a practitioner booking online');
  return { practitionerId: row.id, lastName: row.last_name, placeId: row.place_id, otherReasonId: row.reason_id, placeCount: Number(row.place_count) };
}

/** The Paris date `days` after today. */
function parisDateIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The instant of a Paris wall-clock time. */
function parisInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Paris' }) + ' UTC');
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
}

/** The agenda link of the booked appointment: time, patient, reason and status, in that order. */
function appointmentName(status: string): RegExp {
  return new RegExp(`^21:10–21:30\\s*,\\s*Lucas Martel\\s*,\\s*${reasonLabel}\\s*,\\s*${status}$`);
}

describe('practitioner journey in a browser (J1–J4, D5, C5)', { skip: !existsSync(chromiumPath) && `no chromium at ${chromiumPath}`, timeout: 240_000 }, () => {
  let t: TestDatabase;
  let app: App;
  let base: string;
  let browser: Browser;
  let pro: BrowserContext;
  let patientContext: BrowserContext;
  let doctor: Page;
  let patient: Page;
  let target: Target;
  let staffEmail = '';
  let reasonId = '';
  let appointmentLink = '';
  /** The server's clock runs this far ahead of the real one once the appointment's time has come. */
  let clockOffsetMs = 0;
  const problems: string[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'creneau-practice-'));
  const patientEmail = `lucas-${randomInt(1_000_000)}@example.fr`;
  const patientPhone = `+3362${String(randomInt(10_000_000)).padStart(7, '0')}`;
  let bookingDate = '';
  let weekdayName = '';

  before(async () => {
    t = await freshDatabase();
    await seedDemo(t.pool, { practitioners: 12, seed: 7 });
    target = await findTarget(t);
    // The first day from tomorrow that is not a public holiday: the new evening range is offered on its weekday.
    for (let days = 1; !bookingDate; days++) {
      const date = parisDateIn(days);
      const holiday = await sql<{ n: string }>`select count(*)::text as n from public_holidays where day = ${date}::date`.execute(t.db);
      const absent = await sql<{ n: string }>`select count(*)::text as n from absences where practitioner_id = ${target.practitionerId}::bigint
        and tstzrange(starts_at, ends_at) && tstzrange(${parisInstant(date, '00:00')}, ${parisInstant(date, '23:59')})`.execute(t.db);
      if (holiday.rows[0]?.n === '0' && absent.rows[0]?.n === '0') bookingDate = date;
    }
    weekdayName = weekdays[(new Date(`${bookingDate}T12:00:00Z`).getUTCDay() + 6) % 7] ?? '';
    staffEmail = (await createTestStaff(t.db, { role: 'practitioner', practitionerId: target.practitionerId })).email;
    const account = await createTestAccount(t.db, { email: patientEmail, phone: patientPhone, firstName: 'Lucas', lastName: 'Martel', birthDate: '1985-06-01' });
    await prepareEarlierNoShows(account.accountId);

    const webDist = path.join(scratch, 'dist');
    await buildWeb(webDist);
    app = await buildApp({ context: { db: t.db, now: () => new Date(Date.now() + clockOffsetMs) }, routes: featureRoutes, pages: [devMailboxPages()], webDist });
    base = await listenLocally(app);
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch(chromiumLaunch);
    pro = await browser.newContext(contextOptions);
    patientContext = await browser.newContext(contextOptions);
    pro.setDefaultTimeout(15_000);
    patientContext.setDefaultTimeout(15_000);
    doctor = await openPage(pro, problems);
    patient = await openPage(patientContext, problems);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Two missed appointments of this patient with the practitioner, declared weeks ago. */
  async function prepareEarlierNoShows(accountId: string): Promise<void> {
    const holder = await t.db.selectFrom('patients').select('id').where('account_id', '=', accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();
    for (const daysAgo of [30, 60]) {
      const start = parisInstant(parisDateIn(-daysAgo), '06:00');
      await t.db.insertInto('appointments').values({
        practitioner_id: target.practitionerId, place_id: target.placeId, reason_id: target.otherReasonId,
        starts_at: start, ends_at: new Date(start.getTime() + 20 * 60_000), status: 'no_show',
        patient_id: holder.id, account_id: accountId, booked_at: new Date(start.getTime() - 7 * 86_400_000),
        no_show_declared_at: new Date(start.getTime() + 3_600_000), source: 'online',
      }).execute();
    }
  }

  /** The 6-digit code of the last message to `to`, as the development mailbox shows it. */
  const codeSentTo = (to: string) => codeSentToMailbox(base, to);

  async function focusIsOn(page: Page, selector: string, what: string): Promise<void> {
    await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 3_000 }).catch(() => assert.fail(what));
  }

  /** On the practitioner's page: the place, the new reason, then the first free slot shown (paging on if needed). */
  async function chooseSlotOfNewReason(): Promise<void> {
    await patient.goto(`${base}/praticien/${target.practitionerId}`);
    const place = patient.locator(`#place-${target.placeId}`);
    if (await place.count()) await place.check();
    await patient.getByLabel('Motif de consultation').selectOption(reasonId);
    await patient.locator('.calendar-days').waitFor();
    for (let tries = 0; tries < 4 && (await patient.locator('.calendar-day .slot').count()) === 0; tries++) {
      const next = patient.getByRole('button', { name: /^Prochain RDV le/ });
      if (await next.count()) await next.click();
      else await patient.getByRole('button', { name: 'Jours suivants' }).click();
      await patient.locator('.calendar-days').waitFor();
    }
    await patient.locator('.calendar-day .slot').first().click();
    await patient.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
  }

  it('logs the practitioner in with the code sent to a new device, and lands on the week agenda', async () => {
    await doctor.goto(`${base}/pro`);
    await doctor.waitForURL(/\/pro\/connexion\?retour=%2Fpro$/);
    await doctor.getByRole('heading', { level: 1, name: 'Connexion à l’espace praticien' }).waitFor();
    await assertAccessible(doctor, 'the practitioner login page');

    await doctor.getByRole('button', { name: 'Se connecter' }).click();
    await doctor.locator('.error-summary').getByText('Renseignez le champ « Adresse email ».').waitFor();
    await focusIsOn(doctor, '.error-summary', 'the focus moves to the error summary');
    await assertAccessible(doctor, 'the practitioner login page with errors');

    await doctor.locator('#pro-login-email').fill(staffEmail);
    await doctor.locator('#pro-login-password').fill('Agenda-Vert-2026!');
    await doctor.getByRole('checkbox', { name: 'Se souvenir de moi sur cet appareil' }).check();
    await doctor.getByRole('button', { name: 'Se connecter' }).click();
    const code = doctor.locator('#pro-login-code');
    await code.waitFor();
    await assertAccessible(doctor, 'the practitioner code step');
    await code.fill(await codeSentTo(staffEmail));
    await doctor.getByRole('button', { name: 'Valider le code' }).click();

    await doctor.waitForURL(`${base}/pro`);
    await doctor.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await doctor.getByText(/vous êtes connecté\(e\) à l’espace praticien/).waitFor();
    await doctor.getByRole('table', { name: /^Semaine du/ }).waitFor();
    assert.equal(await doctor.getByRole('columnheader').count(), 8, 'an hour column and seven days');
    await assertAccessible(doctor, 'the week agenda');
  });

  it('adds a visit reason with its J2 rules', async () => {
    await doctor.getByRole('navigation', { name: 'Espace praticien' }).getByRole('link', { name: 'Paramètres' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Motifs de consultation' }).waitFor();
    await assertAccessible(doctor, 'the reasons page');
    await doctor.getByRole('button', { name: 'Ajouter un motif' }).click();
    await doctor.locator('#new-reason-label-fr').fill(reasonLabel);
    await doctor.locator('#new-reason-duration').fill('20');
    await doctor.locator('#new-reason-price').fill('abc');
    await doctor.getByRole('form', { name: 'Ajouter un motif' }).getByRole('button', { name: 'Enregistrer' }).click();
    await doctor.locator('.error-summary').getByText(/Indiquez le tarif en euros/).waitFor();
    await assertAccessible(doctor, 'the new reason form with an error');
    await doctor.locator('#new-reason-price').fill('30');
    await doctor.getByRole('checkbox', { name: 'Accepte les nouveaux patients' }).isChecked().then((checked) => assert.ok(checked));
    await doctor.getByRole('form', { name: 'Ajouter un motif' }).getByRole('button', { name: 'Enregistrer' }).click();
    await doctor.getByText(`Motif « ${reasonLabel} » ajouté. Proposez-le dans vos horaires d’ouverture.`).waitFor();
    await doctor.getByRole('heading', { level: 2, name: reasonLabel }).waitFor();
    await assertAccessible(doctor, 'the reasons page after adding one');
    const row = await t.db.selectFrom('visit_reasons').select(['id', 'duration_minutes', 'price_cents', 'online_bookable'])
      .where('practitioner_id', '=', target.practitionerId).where('name_fr', '=', reasonLabel).executeTakeFirstOrThrow();
    assert.deepEqual([row.duration_minutes, row.price_cents, row.online_bookable], [20, 3000, true]);
    reasonId = String(row.id);
  });

  it('adds an evening range for it on one weekday, the week saved at once with nothing outside the hours', async () => {
    await doctor.getByRole('navigation', { name: 'Paramètres' }).getByRole('link', { name: 'Horaires d’ouverture' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Horaires d’ouverture' }).waitFor();
    if (target.placeCount > 1) await doctor.locator('#hours-place').selectOption(target.placeId);
    await assertAccessible(doctor, 'the opening hours page');
    const day = doctor.getByRole('group', { name: weekdayName, exact: true });
    await day.getByRole('button', { name: `Ajouter une plage le ${weekdayName.toLowerCase()}` }).click();
    const range = day.getByRole('group', { name: new RegExp(`^${weekdayName}, plage \\d+$`) }).last();
    await focusIsOn(doctor, 'input[type=time]', 'the new range’s start takes the focus');
    await range.getByLabel('Début').fill('21:10');
    await range.getByLabel('Fin').fill('22:10');
    for (const box of await range.getByRole('checkbox').all()) {
      if ((await box.getAttribute('id'))?.endsWith(`-reason-${reasonId}`)) await box.check();
      else await box.uncheck();
    }
    await assertAccessible(doctor, 'the opening hours with a new range');
    await doctor.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    await doctor.getByText(/^Horaires enregistrés pour .+\. Les disponibilités en ligne sont à jour\.$/).waitFor();
    await doctor.getByText('Aucun rendez-vous à venir ne se trouve hors de vos horaires.').waitFor();
    await assertAccessible(doctor, 'the opening hours once saved');
  });

  it('lets a patient book that reason online in another browser, logging in inside the flow', async () => {
    await chooseSlotOfNewReason();
    await patient.getByRole('heading', { level: 1, name: 'Finaliser votre rendez-vous' }).waitFor();
    assert.match(await patient.getByRole('region', { name: 'Votre créneau' }).textContent() ?? '', /21:10/);
    await assertAccessible(patient, 'the confirmation page, signed out');
    await patient.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await patient.waitForURL(/\/connexion\?retour=/);
    await patient.locator('#login-email').fill(patientEmail);
    await patient.locator('#login-password').fill('Lune-Bleue-2026!');
    await patient.getByRole('checkbox', { name: 'Se souvenir de moi sur cet appareil' }).check();
    await patient.getByRole('button', { name: 'Se connecter' }).click();
    const code = patient.locator('#login-code');
    await code.waitFor();
    await code.fill(await codeSentTo(patientEmail).catch(() => codeSentTo(patientPhone)));
    await patient.getByRole('button', { name: 'Valider le code' }).click();
    await patient.waitForURL(/\/rendez-vous\/confirmer\?hold=/);
    await patient.getByRole('radio', { name: /^Moi-même/ }).check();
    await assertAccessible(patient, 'the confirmation page, signed in');
    await patient.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await patient.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await patient.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
  });

  it('shows the appointment in the practitioner’s week view, as a link with its time, patient, reason and status', async () => {
    await doctor.getByRole('navigation', { name: 'Espace praticien' }).getByRole('link', { name: 'Agenda' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await doctor.getByLabel('Aller au').fill(bookingDate);
    const appointment = doctor.getByRole('link', { name: appointmentName('Confirmé') });
    await appointment.waitFor();
    const cell = await appointment.evaluate((link) => {
      const td = link.closest('td') as HTMLTableCellElement;
      const table = td.closest('table') as HTMLTableElement;
      return { hour: td.parentElement?.querySelector('th')?.textContent, day: table.tHead?.rows[0]?.cells[td.cellIndex]?.textContent };
    });
    assert.equal(cell.hour, '21:00');
    assert.match(cell.day ?? '', new RegExp(weekdayName, 'i'));
    appointmentLink = await appointment.getAttribute('href') ?? '';
    await assertAccessible(doctor, 'the week agenda with the online booking');
    await doctor.screenshot({ path: path.join(artifacts, 'practice-journey-week.png'), fullPage: true });
  });

  it('once the time has passed, logs back in on the trusted device without a code and declares the no-show', async () => {
    const passed = parisInstant(bookingDate, '21:20');
    clockOffsetMs = passed.getTime() - Date.now();
    await pro.clock.setFixedTime(passed);
    await doctor.goto(`${base}${appointmentLink}`);
    // Hours later the staff session has expired: the login page, with the way back to the appointment.
    await doctor.waitForURL(/\/pro\/connexion\?retour=%2Fpro%2Frendez-vous%2F/);
    await doctor.locator('#pro-login-email').fill(staffEmail);
    await doctor.locator('#pro-login-password').fill('Agenda-Vert-2026!');
    await doctor.getByRole('button', { name: 'Se connecter' }).click();
    await doctor.waitForURL(`${base}${appointmentLink}`);
    await doctor.getByRole('heading', { level: 2, name: /à 21:10$/ }).waitFor();
    const patientSection = doctor.getByRole('region', { name: 'Patient', exact: true });
    await patientSection.getByText('Lucas Martel').waitFor();
    assert.match(await patientSection.textContent() ?? '', /Rendez-vous manqués avec vous.*2/);
    await doctor.getByRole('region', { name: 'Historique avec ce patient' }).getByText(/Patient absent/).first().waitFor();
    await assertAccessible(doctor, 'the appointment page');

    await doctor.getByRole('button', { name: 'Déclarer une absence du patient' }).click();
    const dialog = doctor.getByRole('dialog', { name: 'Le patient n’est pas venu ?' });
    await dialog.getByText(/celui-ci compris : 3/).waitFor();
    await assertAccessible(doctor, 'the no-show dialog');
    await dialog.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await doctor.getByText('Absence déclarée : 3 rendez-vous manqués avec vous. Ce patient ne peut plus prendre rendez-vous en ligne avec vous.').waitFor();
    await focusIsOn(doctor, '#appointment-when', 'the focus returns to the appointment');
    await patientSection.getByText('refusée : patient bloqué après 3 absences').waitFor();
    assert.equal(await doctor.locator('.status-badge').textContent(), 'Patient absent');
    await assertAccessible(doctor, 'the appointment after the no-show');
  });

  it('refuses the patient’s next online booking with that practitioner, with the clear message in focus', async () => {
    await patientContext.clock.setFixedTime(parisInstant(bookingDate, '21:20'));
    await chooseSlotOfNewReason();
    await patient.getByRole('radio', { name: /^Moi-même/ }).check();
    await patient.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await patient.locator('.error-summary')
      .getByText('Vous ne pouvez plus prendre rendez-vous en ligne avec ce praticien. Contactez directement le cabinet.').waitFor();
    await focusIsOn(patient, '.error-summary', 'the focus moves to the refusal');
    await assertAccessible(patient, 'the refusal after three no-shows');
  });

  it('lets the practice unblock the patient blocked after three no-shows; the patient’s booking then goes through', async () => {
    const patientSection = doctor.getByRole('region', { name: 'Patient', exact: true });
    await patientSection.getByRole('button', { name: 'Débloquer le patient' }).click();
    await patientSection.getByText('Lucas Martel peut de nouveau prendre rendez-vous en ligne avec vous.').waitFor();
    await patientSection.getByText('autorisée', { exact: true }).waitFor();
    assert.match(await patientSection.textContent() ?? '', /Rendez-vous manqués depuis le déblocage du [^0-9]*\d+ \S+ \d{4}0/);
    await patientSection.getByRole('button', { name: 'Bloquer le patient' }).waitFor();
    await assertAccessible(doctor, 'the patient unblocked');

    await patient.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await patient.waitForURL(/\/rendez-vous\/[0-9a-f-]{36}\/confirme$/);
    await patient.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
  });

  it('changes the practitioner’s password in « Mon compte », after a wrong current password announced in focus', async () => {
    await doctor.getByRole('navigation', { name: 'Espace praticien' }).getByRole('link', { name: 'Mon compte' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await assertAccessible(doctor, 'the practitioner’s account page');
    const section = doctor.getByRole('region', { name: 'Mot de passe', exact: true });
    await section.locator('#pro-password-current').fill('Pas-Le-Bon-2026!');
    await section.locator('#pro-password-new').fill('Cerisier-Rouge-2027!');
    await section.getByRole('button', { name: 'Modifier mon mot de passe' }).click();
    await section.getByRole('alert').filter({ hasText: 'Le formulaire contient' }).getByText('Mot de passe incorrect.').waitFor();
    await focusIsOn(doctor, '#pro-password-title ~ form .error-summary', 'the focus moves to the error summary');
    assert.equal(await section.locator('#pro-password-current').getAttribute('aria-invalid'), 'true');
    await assertAccessible(doctor, 'the practitioner’s password change with a wrong current password');

    await section.locator('#pro-password-current').fill('Agenda-Vert-2026!');
    await section.getByRole('button', { name: 'Modifier mon mot de passe' }).click();
    await section.getByRole('status').filter({ hasText: 'Votre mot de passe a été modifié.' }).waitFor();
    assert.equal(await section.locator('#pro-password-new').inputValue(), '', 'the fields are emptied');
    await assertAccessible(doctor, 'the practitioner’s password changed');
  });

  it('fits a 375-px phone: the day view without sideways scrolling', async () => {
    await doctor.setViewportSize({ width: 375, height: 800 });
    await doctor.goto(`${base}/pro?vue=jour&date=${bookingDate}`);
    await doctor.locator('.agenda-table.is-day').waitFor();
    await doctor.getByRole('link', { name: appointmentName('Patient absent') }).waitFor();
    await assertFitsScreen(doctor, 'the day view at 375 px');
    await doctor.screenshot({ path: path.join(artifacts, 'practice-journey-375.png'), fullPage: true });
  });

  it('runs without any Content-Security-Policy violation or script error', () => {
    assert.deepEqual(problems, []);
  });
});
