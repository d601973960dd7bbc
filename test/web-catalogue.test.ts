/**
 * The web app ships only the texts it shows (src/platform/i18n/web-catalogue.ts): the server's code messages,
 * emails, notifications and API-only errors stay out of the bundle, while the server sentences the web recognises
 * under a field are in it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/platform/config/config.ts';
import { allMessages as webMessages } from '../src/platform/i18n/web-catalogue.ts';
import { accountCodes } from '../src/platform/i18n/messages/accounts.ts';
import { accountEmails } from '../src/platform/i18n/messages/account-settings.ts';
import { availability } from '../src/platform/i18n/messages/availability.ts';
import { delivery } from '../src/platform/i18n/messages/delivery.ts';
import { notifications } from '../src/platform/i18n/messages/notifications.ts';
import { practiceAuth } from '../src/platform/i18n/messages/practice-auth.ts';
import { practice } from '../src/platform/i18n/messages/practice.ts';
import { search } from '../src/platform/i18n/messages/search.ts';
import { webPractice } from '../src/platform/i18n/messages/web-practice.ts';
import { serverMessagePrefixes } from '../web/src/components/account/validation.ts';

const serverOnly = { accountCodes, accountEmails, availability, delivery, notifications, practiceAuth, practice, search };

describe('the web app’s catalogue', () => {
  let dist: string;
  let scripts = '';
  /** The entry chunk every visitor downloads (index-*.js). */
  let main = '';
  before(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'creneau-web-catalogue-'));
    const { build } = await import('vite');
    await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    const assets = path.join(dist, 'assets');
    const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
    scripts = files.map((file) => readFileSync(path.join(assets, file), 'utf8')).join('\n');
    main = files.filter((file) => file.startsWith('index-')).map((file) => readFileSync(path.join(assets, file), 'utf8')).join('\n');
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('leaves out of the bundle the texts only the server sends (code messages, emails, notifications, API errors)', () => {
    // Sentences only: a single word (« Email », « Honoraires ») or a text the web quotes may be in the bundle anyway.
    const shown = [...Object.values(webMessages('fr')), ...Object.values(webMessages('en')),
      ...Object.values(webPractice.fr), ...Object.values(webPractice.en)];
    const shipped = Object.entries(serverOnly).flatMap(([name, source]) =>
      [...Object.entries(source.fr), ...Object.entries(source.en)]
        .filter(([, text]) => text.length >= 20 && !shown.some((own) => own.includes(text)) && scripts.includes(text))
        .map(([key]) => `${name}: ${key}`));
    assert.deepEqual(shipped, []);
  });

  it('ships the web’s own texts and the server sentences it places under a field', () => {
    assert.ok(scripts.includes(webMessages('fr')['web.slot.replacement_legend'] ?? 'missing'), 'a text of the web app itself');
    const keys = Object.keys(webMessages('fr'));
    const missing = Object.values(serverMessagePrefixes).flat().filter((prefix) => !keys.some((key) => key.startsWith(prefix)));
    assert.deepEqual(missing, [], 'prefixes of server sentences with no text in the web catalogue');
    assert.ok(scripts.includes(webMessages('fr')['password.problem.too_short'] ?? 'missing'), 'a password problem shown under the field');
  });

  it('leaves the practitioner space’s texts out of the chunk patients download, and ships them with the space', () => {
    assert.ok(main, 'the entry chunk was found');
    const sentence = webPractice.fr['web.practice.right.edit_settings'];
    assert.ok(!main.includes(sentence), 'a practice text is not in the entry chunk');
    assert.ok(scripts.includes(sentence), 'it is in the practitioner space’s chunk');
    assert.ok(main.includes(webMessages('fr')['web.practice.footer_link'] ?? 'missing'), 'the footer link the patient side shows is');
  });
});
