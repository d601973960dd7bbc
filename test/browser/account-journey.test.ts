/**
 * The patient's account journey in a real browser (Debian's chromium, never downloaded), SPEC A1–A7: sign-up with the
 * phone code read from the development mailbox page → signed in → a relative added → logout → login with the email code
 * → « Mot de passe oublié ? » with the link from the mailbox → login with the new password. axe-core runs on every page
 * and state visited (the mailbox included), the strict CSP is checked for violations, and the pages fit a 375-px phone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildApp, type App } from '../../src/platform/http/app.ts';
import { freePort } from '../../src/platform/db/embedded-postgres.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { devMailboxPages } from '../../src/features/dev-mailbox/index.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { assertFitsPhone, closeBrowserWorld, artifacts, assertAccessible, buildWeb, chromiumPath, launchBrowser, listenLocally, openPage } from './support/browser.ts';
import { readFromMailbox as readFromMailboxPage } from './support/mailbox.ts';

describe('account journey in a browser (A1–A7)', { skip: !existsSync(chromiumPath) && `no chromium at ${chromiumPath}`, timeout: 300_000 }, () => {
  let t: TestDatabase;
  let app: App;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  /** The password-reset link of the email, opened twice. */
  let resetLink = '';
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'creneau-accounts-browser-'));
  const patient = {
    email: `camille.${randomBytes(4).toString('hex')}@example.fr`,
    // Messages land in the development mailbox: no SMS leaves the machine.
    phone: '06 12 34 56 78',
    phoneE164: '+33612345678',
    newPhone: '07 81 23 45 67',
    newPhoneE164: '+33781234567',
    password: 'Tulipe-Verte-42!',
    newPassword: 'Colline#Bleue-1987x',
  };

  const readFromMailbox = (recipient: string, pattern: RegExp, what: string) =>
    readFromMailboxPage(context, base, problems, recipient, pattern, what);

  before(async () => {
    t = await freshDatabase();
    const webDist = path.join(scratch, 'dist');
    await buildWeb(webDist);
    // The port comes first: the reset link in the email carries the site's address.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await buildApp({
      context: { db: t.db, now: () => new Date(), publicUrl: base },
      routes: featureRoutes,
      pages: [devMailboxPages()],
      webDist,
    });
    await listenLocally(app, port);
    mkdirSync(artifacts, { recursive: true });
    context = await launchBrowser(path.join(scratch, 'profile'));
    page = await openPage(context, problems);
  });

  after(() => closeBrowserWorld({ context, app, t, scratch }));

  it('reaches the sign-up form from « Se connecter » and explains the errors of a wrong attempt', async () => {
    await page.goto(base);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion$/);
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await assertAccessible(page, 'the login page');

    await page.getByRole('link', { name: 'S’inscrire' }).click();
    await page.waitForURL(/\/inscription$/);
    await page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor();
    await assertAccessible(page, 'the sign-up page');

    const phone = page.getByLabel(/Numéro de téléphone/);
    await phone.fill('0033 6 12 34 56 78');
    await page.getByText('Saisissez le numéro au format international, par exemple +33 6 12 34 56 78').waitFor();
    await page.getByLabel(/^Adresse email/).fill(patient.email);
    await page.getByLabel(/Confirmez l’adresse email/).fill(`autre.${patient.email}`);
    await page.getByLabel(/^Mot de passe/).fill('court');
    await page.getByRole('button', { name: 'S’inscrire' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient' });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the error summary takes the focus');
    for (const error of ['format international', 'ne sont pas identiques', 'toutes les règles', 'Conditions générales', 'protection des données']) {
      await summary.getByRole('link', { name: new RegExp(error) }).waitFor();
    }
    const emailConfirmation = page.getByLabel(/Confirmez l’adresse email/);
    assert.equal(await emailConfirmation.getAttribute('aria-invalid'), 'true');
    const describedBy = (await emailConfirmation.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').some((id) => id.endsWith('-error')), 'the field points to its error');
    await assertAccessible(page, 'the sign-up page with errors');
  });

  it('creates the account with the phone code read from the development mailbox', async () => {
    await page.getByLabel(/Numéro de téléphone/).fill(patient.phone);
    await page.getByLabel(/Confirmez l’adresse email/).fill(patient.email);
    // Every rule met, yet too common: the server's sentence lands under the password field.
    await page.getByLabel(/^Mot de passe/).fill('Motdepasse1!');
    await page.getByLabel(/J’accepte les Conditions générales/).check();
    await page.getByLabel(/J’accepte la notice de protection/).check();
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await page.locator('#signup-password-error').filter({ hasText: 'trop courant' }).waitFor();
    assert.equal(await page.getByLabel(/^Mot de passe/).getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the sign-up page with a common password');

    await page.getByLabel(/^Mot de passe/).fill(patient.password);
    await page.locator('.rule.is-met').nth(4).waitFor();
    await page.getByRole('button', { name: 'S’inscrire' }).click();

    await page.getByRole('heading', { name: 'Vérifiez votre numéro de téléphone' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Renvoyer le code' }).isDisabled(), true, 'no resend before 2 minutes');
    assert.equal(await page.getByRole('button', { name: 'Recevoir un appel' }).isDisabled(), true);
    await page.getByText(/Vous pourrez demander un nouveau code dans \d min/).waitFor();
    const codeInput = page.getByLabel('Code à 6 chiffres');
    assert.equal(await codeInput.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await codeInput.getAttribute('inputmode'), 'numeric');
    await assertAccessible(page, 'the sign-up code step');

    const code = await readFromMailbox(patient.phoneE164, /(\d{6})/, 'a 6-digit code');
    await codeInput.fill(code);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.waitForURL(/\/mon-compte$/);
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Votre compte est créé' }).waitFor();
    await page.getByText(patient.email).first().waitFor();
    await assertAccessible(page, '« Mon compte » after sign-up');
    await page.screenshot({ path: path.join(artifacts, 'account-journey-account.png'), fullPage: true });
  });

  it('adds an adult relative, whose own contact fields appear only with an adult birth date', async () => {
    await page.locator('.account-menu-button').click();
    await assertAccessible(page, 'the header with the account menu open');
    await page.getByRole('link', { name: 'Mes proches' }).first().click();
    await page.waitForURL(/\/mon-compte\/proches$/);
    await page.getByText('Vous n’avez encore ajouté aucun proche.').waitFor();
    await assertAccessible(page, '« Mes proches », empty');

    await page.getByRole('button', { name: 'Ajouter un proche' }).click();
    await page.getByRole('heading', { name: 'Ajouter un proche' }).waitFor();
    await page.getByLabel('Madame').check();
    await page.getByLabel(/^Prénom/).fill('Jeanne');
    await page.getByLabel(/^Nom/).fill('Martin');
    await page.getByLabel(/^Date de naissance/).fill('2016-04-09');
    await page.getByText('Ce proche est mineur').waitFor();
    assert.equal(await page.getByLabel(/Adresse email du proche/).count(), 0, 'no own email for a minor');
    await assertAccessible(page, 'the relative form for a minor');

    await page.getByLabel(/^Date de naissance/).fill('1952-11-23');
    await page.getByText('Ce proche est majeur').waitFor();
    await page.getByLabel(/Adresse email du proche/).fill('jeanne.martin@example.fr');
    await assertAccessible(page, 'the relative form for an adult');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();

    const card = page.getByRole('article').filter({ hasText: 'Jeanne Martin' });
    await card.waitFor();
    await card.getByText('Né(e) le 23 novembre 1952').waitFor();
    await card.getByText('jeanne.martin@example.fr').waitFor();
    await page.getByRole('status').filter({ hasText: 'Jeanne Martin a été ajouté(e) à vos proches.' }).waitFor();
    await assertAccessible(page, '« Mes proches » with a relative');
  });

  it('logs out with « Déconnexion »', async () => {
    await page.locator('.account-menu-button').click();
    await page.getByRole('button', { name: 'Déconnexion' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté(e).' }).waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await assertAccessible(page, 'the home page after logout');
  });

  it('sends a signed-out visitor of « Mes proches » to the login page, then back there after the email code', async () => {
    await page.goto(`${base}/mon-compte/proches`);
    await page.waitForURL(/\/connexion\?retour=%2Fmon-compte%2Fproches$/);
    await page.getByLabel('Adresse email').fill(patient.email);
    await page.getByLabel(/^Mot de passe/).fill(patient.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

    await page.getByRole('heading', { name: 'Saisissez le code de connexion' }).waitFor();
    await page.getByRole('button', { name: 'Recevoir le code par SMS' }).waitFor();
    await assertAccessible(page, 'the login code step');
    const code = await readFromMailbox(patient.email, /(\d{6})/, 'a 6-digit code');
    await page.getByLabel('Code à 6 chiffres').fill(code);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.waitForURL(/\/mon-compte\/proches$/);
    await page.getByRole('article').filter({ hasText: 'Jeanne Martin' }).waitFor();
  });

  it('resets the password with the link of « Mot de passe oublié ? » read from the mailbox', async () => {
    await page.locator('.account-menu-button').click();
    await page.getByRole('button', { name: 'Déconnexion' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.waitForURL(/\/mot-de-passe-oublie$/);
    await page.getByRole('heading', { level: 1, name: 'Réinitialiser le mot de passe de votre compte' }).waitFor();
    await assertAccessible(page, 'the forgotten-password page');

    await page.getByLabel('Adresse email').fill(patient.email);
    await page.getByLabel(/Numéro de téléphone du compte/).fill(patient.phone);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
    await page.getByText('Si un compte correspond').waitFor();
    await assertAccessible(page, 'the forgotten-password answer');

    const link = await readFromMailbox(patient.email, /(https?:\/\/\S+\/mot-de-passe\/nouveau#jeton=[\w-]+)/, 'the reset link');
    assert.ok(link.startsWith(base), `the link points to this site: ${link}`);
    resetLink = link;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Créer un nouveau mot de passe' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    await assertAccessible(page, 'the new-password page');

    await page.getByLabel(/^Nouveau mot de passe/).fill(patient.newPassword);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(patient.newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe modifié' }).waitFor();
    await assertAccessible(page, 'the password-changed page');
  });

  it('refuses the reset link a second time and offers to ask for a new one', async () => {
    // Opened again from the email, as a new tab would (the same tab would only change the fragment).
    const again = await openPage(context, problems);
    try {
      await again.goto(resetLink);
      await again.getByRole('heading', { level: 1, name: 'Ce lien n’est plus valable' }).waitFor();
      await again.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
      await assertAccessible(again, 'a used reset link');
    } finally {
      await again.close();
    }
  });

  it('logs in with the new password', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion$/);
    await page.getByLabel('Adresse email').fill(patient.email);
    await page.getByLabel(/^Mot de passe/).fill(patient.newPassword);
    await page.getByLabel('Se souvenir de moi sur cet appareil').check();
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('heading', { name: 'Saisissez le code de connexion' }).waitFor();
    const code = await readFromMailbox(patient.email, /(\d{6})/, 'a 6-digit code');
    await page.getByLabel('Code à 6 chiffres').fill(code);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.waitForURL(/\/mon-compte$/);
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  });

  it('saves the identity and the postal address on « Mon compte »', async () => {
    await page.getByLabel('Madame').check();
    await page.getByLabel(/^Prénom/).fill('Camille');
    await page.getByLabel(/^Nom/).fill('Durand');
    await page.getByLabel(/^Date de naissance/).fill('1985-06-02');
    const identity = page.getByRole('region', { name: 'Identité' });
    await identity.getByRole('button', { name: 'Enregistrer' }).click();
    await identity.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }).waitFor();
    await page.locator('.account-menu-button').filter({ hasText: 'Camille Durand' }).waitFor();

    const address = page.getByRole('region', { name: 'Adresse' });
    await address.getByLabel(/^Numéro et rue/).fill('12 rue des Lilas');
    await address.getByRole('button', { name: 'Enregistrer' }).click();
    await address.getByRole('alert').filter({ hasText: 'Code postal' }).waitFor();
    await assertAccessible(page, '« Mon compte » with an incomplete address');
    await address.getByLabel(/^Code postal/).fill('44000');
    await address.getByLabel(/^Ville/).fill('Nantes');
    await address.getByRole('button', { name: 'Enregistrer' }).click();
    await address.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }).waitFor();
    await page.reload();
    assert.equal(await page.getByLabel(/^Code postal/).inputValue(), '44000', 'the address is kept');
  });

  it('changes the phone number once the code sent to the new one is entered (A6)', async () => {
    const contact = page.getByRole('region', { name: 'Coordonnées' });
    await contact.getByRole('button', { name: 'Modifier le numéro de téléphone' }).click();
    await contact.getByLabel(/^Nouveau numéro de téléphone/).fill(patient.newPhone);
    await contact.getByRole('button', { name: 'Recevoir un code de confirmation' }).click();
    await contact.getByRole('heading', { name: 'Saisissez le code de confirmation' }).waitFor();
    await assertAccessible(page, 'the phone change code step');
    const code = await readFromMailbox(patient.newPhoneE164, /(\d{6})/, 'a 6-digit code');
    await contact.getByLabel('Code à 6 chiffres').fill(code);
    await contact.getByRole('button', { name: 'Valider le code' }).click();
    await contact.getByRole('status').filter({ hasText: 'Votre numéro de téléphone a été modifié.' }).waitFor();
    await contact.getByText(patient.newPhone).waitFor();
  });

  it('fits a 375-px phone screen on the account pages', async () => {
    await assertFitsPhone(context, problems, base, (phone) => [
      { url: '/mon-compte', where: '« Mon compte » on a phone', loaded: phone.getByRole('heading', { name: 'Identité' }) },
      { url: '/mon-compte/proches', where: '« Mes proches » on a phone', loaded: phone.getByRole('article').first() },
    ], 'account-journey-phone.png');
  });

  it('deletes the account once the password is confirmed in the dialog', async () => {
    await page.goto(`${base}/mon-compte`);
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true, 'the focus moves into the dialog');
    await assertAccessible(page, 'the account deletion dialog');
    await dialog.getByLabel(/^Mot de passe/).fill('Pas-Le-Bon-1!');
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor();
    await assertAccessible(page, 'the account deletion dialog with a wrong password');
    await dialog.getByLabel(/^Mot de passe/).fill(patient.newPassword);
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('status').filter({ hasText: 'Votre compte a été supprimé.' }).waitFor();

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse email').fill(patient.email);
    await page.getByLabel(/^Mot de passe/).fill(patient.newPassword);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse email ou mot de passe incorrect.' }).waitFor();
    await assertAccessible(page, 'the login page with a refused login');
  });

  it('fits a 375-px phone screen on the sign-up and login pages', async () => {
    await assertFitsPhone(context, problems, base, (phone) => [
      { url: '/inscription', where: 'the sign-up page on a phone', loaded: phone.getByRole('heading', { level: 1 }) },
      { url: '/connexion', where: 'the login page on a phone', loaded: phone.getByRole('heading', { level: 1 }) },
    ]);
  });

  it('runs without any Content-Security-Policy violation or script error', () => {
    assert.deepEqual(problems, []);
  });
});
