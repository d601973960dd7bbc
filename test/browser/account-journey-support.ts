/** Helpers of the account journey in a browser: web build, axe, pages that record CSP problems, the dev mailbox page. */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { projectRoot } from '../../src/platform/config/config.ts';

export const chromiumPath = process.env.CRENEAU_CHROMIUM ?? '/usr/bin/chromium';
export const artifacts = path.join(projectRoot, 'test-results');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Builds the web app from the current sources into a temporary folder (never a stale web/dist). */
export async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Runs axe on the page as it is and fails on any violation, naming the rule and the elements. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  assert.deepEqual(found, [], `axe found violations on ${where}`);
}

/** Opens a page that records CSP violations and script errors. */
export async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  return page;
}

/**
 * Opens /dev/mailbox in its own tab, as a developer would, checks it with axe, and returns the first group of `pattern`
 * in the newest message to `recipient`.
 */
export async function readFromMailbox(context: BrowserContext, base: string, problems: string[], recipient: string, pattern: RegExp, what: string): Promise<string> {
  const mailbox = await openPage(context, problems);
  try {
    await mailbox.goto(`${base}/dev/mailbox`);
    await mailbox.getByRole('heading', { level: 1 }).waitFor();
    await assertAccessible(mailbox, 'the development mailbox');
    const row = mailbox.locator('tbody tr').filter({ has: mailbox.locator('td.recipient', { hasText: recipient }) }).first();
    const text = await row.locator('pre').innerText();
    const found = pattern.exec(text)?.[1];
    assert.ok(found, `the newest message to ${recipient} holds ${what}: ${text}`);
    return found;
  } finally {
    await mailbox.close();
  }
}
