/**
 * What every journey in a real browser needs (Debian's chromium, never downloaded): the web build, the chromium it
 * drives, the app on the loopback interface, axe-core on a page, and pages that record CSP violations and script errors.
 */
import { rmSync } from 'node:fs';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { App } from '../../../src/platform/http/app.ts';
import { projectRoot } from '../../../src/platform/config/config.ts';

export const chromiumPath = process.env.CRENEAU_CHROMIUM ?? '/usr/bin/chromium';
/** Where screenshots land. */
export const artifacts = path.join(projectRoot, 'test-results');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Headless chromium without sandbox, GPU or background traffic (the machine has no network beyond loopback). */
export const chromiumLaunch = {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** A desktop screen in French, in Paris: what every context starts with. */
export const contextOptions = { viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' };

/** Builds the web app from the current sources into a temporary folder (never a stale web/dist). */
export async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Headless chromium in French, in Paris, with its profile in `profileDir`. */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunch, ...contextOptions });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Starts `app` on the loopback interface (on `port`, or any free one) and returns its address. */
export async function listenLocally(app: App, port = 0): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
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

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ends a browser test file: the browser, the app, its database, then the scratch folder (each if it was started). */
export async function closeBrowserWorld(world: {
  context: BrowserContext | undefined; app: App | undefined; t: { drop: () => Promise<void> } | undefined; scratch: string;
}): Promise<void> {
  await world.context?.close();
  await world.app?.close();
  await world.t?.drop();
  rmSync(world.scratch, { recursive: true, force: true });
}

/** A page the phone check opens: where it is, what shows once it is loaded, and how the failure names it. */
export interface PhonePage {
  url: string;
  where: string;
  loaded: Locator;
}

/** A page as a 375-px-wide phone shows it. */
export async function openPhone(context: BrowserContext, problems: string[]): Promise<Page> {
  const phone = await openPage(context, problems);
  await phone.setViewportSize({ width: 375, height: 812 });
  return phone;
}

/** The page as shown now does not scroll sideways, and axe finds nothing on it. */
export async function assertFitsScreen(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow} px`);
  await assertAccessible(page, where);
}

/**
 * Opens each page on a 375-px phone screen: none may scroll sideways, axe must find nothing; then, with
 * `screenshot`, a full-page screenshot of the last one in the artifacts folder.
 */
export async function assertFitsPhone(
  context: BrowserContext, problems: string[], base: string, pagesOn: (phone: Page) => PhonePage[], screenshot?: string,
): Promise<void> {
  const phone = await openPhone(context, problems);
  for (const { url, where, loaded } of pagesOn(phone)) {
    await phone.goto(base + url);
    await loaded.waitFor();
    await assertFitsScreen(phone, where);
  }
  if (screenshot) await phone.screenshot({ path: path.join(artifacts, screenshot), fullPage: true });
  await phone.close();
}
