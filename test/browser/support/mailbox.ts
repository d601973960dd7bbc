/** Reading what the server sent from the development mailbox, as a developer would (its page) or quickly (its JSON). */
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { assertAccessible, openPage } from './browser.ts';

/**
 * Opens /dev/mailbox in its own tab, checks it with axe, and returns the first group of `pattern` in the newest message
 * to `recipient`.
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

/** The 6-digit code of the last message to `to`, as the development mailbox lists it (waits up to 5 s for it). */
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
