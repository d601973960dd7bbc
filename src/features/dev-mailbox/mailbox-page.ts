/** The /dev/mailbox page, rendered on the server: French, no script, no inline style (the site's CSP), all text escaped. */
import { translate, type MessageKey } from '../../platform/i18n/catalogue.ts';
import type { OutboxEntry } from '../notifications/index.ts';
import type { MailboxMessage } from './mailbox-repository.ts';

export const mailboxStylesheetPath = '/dev/mailbox/mailbox.css';

/** The page follows the web app: French whatever the browser says. */
const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate('fr', key, params);

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });

/** Makes any text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function mailboxHtmlPath(id: string): string {
  return `/dev/mailbox/${encodeURIComponent(id)}/html`;
}

export function mailboxAttachmentPath(id: string, index: number): string {
  return `/dev/mailbox/${encodeURIComponent(id)}/attachments/${index}`;
}

/** The notifications not sent yet (scheduled, retried) and those given up: shown above what was sent. */
export interface OutboxView {
  scheduled: readonly OutboxEntry[];
  failed: readonly OutboxEntry[];
}

export function renderMailboxPage(messages: readonly MailboxMessage[], outbox: OutboxView = { scheduled: [], failed: [] }): string {
  const title = t('mailbox.title');
  const body = [
    ...renderOutbox(outbox),
    `<h2>${escapeHtml(t('mailbox.sent.title'))}</h2>`,
    messages.length === 0 ? `<p class="empty">${escapeHtml(t('mailbox.empty'))}</p>` : renderTable(messages),
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · ${escapeHtml(t('app.name'))}</title>`,
    `<link rel="stylesheet" href="${mailboxStylesheetPath}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(t('mailbox.intro'))}</p>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderTable(messages: readonly MailboxMessage[]): string {
  const headers = (['sent_at', 'channel', 'recipient', 'subject', 'content'] as const)
    .map((column) => `<th scope="col">${escapeHtml(t(`mailbox.column.${column}`))}</th>`)
    .join('');
  return [
    '<table>',
    `<caption>${escapeHtml(t('mailbox.caption', { count: messages.length }))}</caption>`,
    `<thead><tr>${headers}</tr></thead>`,
    '<tbody>',
    ...messages.map(renderRow),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function renderRow(message: MailboxMessage): string {
  const sentAt = `<time datetime="${escapeHtml(message.sentAt)}">${escapeHtml(parisTime.format(new Date(message.sentAt)))}</time>`;
  const subject = message.subject === null
    ? `<span class="kind">${escapeHtml(message.kind)}</span>`
    : `<strong>${escapeHtml(message.subject)}</strong><br><span class="kind">${escapeHtml(message.kind)}</span>`;
  const htmlLink = message.channel === 'email' && message.html !== null
    ? `<p><a href="${escapeHtml(mailboxHtmlPath(message.id))}" aria-label="${escapeHtml(t('mailbox.html_link_label', { subject: message.subject ?? '' }))}">`
      + `${escapeHtml(t('mailbox.html_link'))}</a></p>`
    : '';
  const attachmentLinks = message.attachments.map((file, index) =>
    `<p><a href="${escapeHtml(mailboxAttachmentPath(message.id, index))}">${escapeHtml(t('mailbox.attachment_link', { filename: file.filename }))}</a></p>`).join('');
  return [
    `<tr class="${message.channel}">`,
    `<td>${sentAt}</td>`,
    `<td>${escapeHtml(t(`mailbox.channel.${message.channel}`))}</td>`,
    `<td class="recipient">${escapeHtml(message.to)}</td>`,
    `<td>${subject}</td>`,
    `<td><pre>${escapeHtml(message.text)}</pre>${htmlLink}${attachmentLinks}</td>`,
    '</tr>',
  ].join('');
}

/** The scheduled section (always, so one sees reminders are planned) and the given-up one (when there are any). */
function renderOutbox(outbox: OutboxView): string[] {
  const scheduled = [
    `<h2>${escapeHtml(t('mailbox.scheduled.title'))}</h2>`,
    `<p>${escapeHtml(t('mailbox.scheduled.intro'))}</p>`,
    outbox.scheduled.length === 0
      ? `<p class="empty">${escapeHtml(t('mailbox.scheduled.empty'))}</p>`
      : renderOutboxTable(outbox.scheduled, t('mailbox.scheduled.caption', { count: outbox.scheduled.length }), 'send_at'),
  ];
  if (!outbox.failed.length) return scheduled;
  return [
    ...scheduled,
    `<h2>${escapeHtml(t('mailbox.failed.title'))}</h2>`,
    `<p>${escapeHtml(t('mailbox.failed.intro'))}</p>`,
    renderOutboxTable(outbox.failed, t('mailbox.failed.caption', { count: outbox.failed.length }), 'given_up_at'),
  ];
}

function renderOutboxTable(entries: readonly OutboxEntry[], caption: string, timeColumn: 'send_at' | 'given_up_at'): string {
  const headers = ([timeColumn, 'channel', 'recipient', 'kind', 'attempts'] as const)
    .map((column) => `<th scope="col">${escapeHtml(t(`mailbox.column.${column}`))}</th>`)
    .join('');
  const rows = entries.map((entry) => [
    `<tr class="${entry.channel}">`,
    `<td><time datetime="${escapeHtml(entry.at)}">${escapeHtml(parisTime.format(new Date(entry.at)))}</time></td>`,
    `<td>${escapeHtml(t(`mailbox.channel.${entry.channel}`))}</td>`,
    `<td class="recipient">${escapeHtml(entry.to ?? t('mailbox.no_address'))}</td>`,
    `<td><span class="kind">${escapeHtml(entry.kind)}</span></td>`,
    `<td>${escapeHtml(entry.attempts === 0 ? t('mailbox.not_tried') : t('mailbox.attempts', { attempts: entry.attempts, error: entry.lastError ?? '—' }))}</td>`,
    '</tr>',
  ].join(''));
  return ['<table>', `<caption>${escapeHtml(caption)}</caption>`, `<thead><tr>${headers}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}
