/** The /dev/mailbox page, rendered on the server: French, no script, no inline style (the site's CSP), all text escaped. */
import { translate, type MessageKey } from '../../platform/i18n/catalogue.ts';
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

export function renderMailboxPage(messages: readonly MailboxMessage[]): string {
  const title = t('mailbox.title');
  const body = messages.length === 0 ? `<p class="empty">${escapeHtml(t('mailbox.empty'))}</p>` : renderTable(messages);
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
  return [
    `<tr class="${message.channel}">`,
    `<td>${sentAt}</td>`,
    `<td>${escapeHtml(t(`mailbox.channel.${message.channel}`))}</td>`,
    `<td class="recipient">${escapeHtml(message.to)}</td>`,
    `<td>${subject}</td>`,
    `<td><pre>${escapeHtml(message.text)}</pre>${htmlLink}</td>`,
    '</tr>',
  ].join('');
}
