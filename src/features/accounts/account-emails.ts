/**
 * The emails of account management (reset link, security notices) in the account's language: a plain-text
 * part from the catalogue and the same text as escaped HTML paragraphs, with an optional button link.
 */
import type { EmailMessage } from '../../platform/delivery/delivery.ts';
import { translate, type Language, type MessageKey } from '../../platform/i18n/catalogue.ts';

export interface AccountEmail {
  to: string;
  kind: string;
  language: Language;
  subjectKey: MessageKey;
  textKey: MessageKey;
  params?: Record<string, string>;
  /** A call to action shown as a button in HTML (the text part already carries the link). */
  action?: { url: string; labelKey: MessageKey };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** The message ready for `delivery.sendEmail`. */
export function composeAccountEmail(email: AccountEmail): EmailMessage {
  const params = email.params ?? {};
  const subject = translate(email.language, email.subjectKey, params);
  const text = translate(email.language, email.textKey, params);
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`);
  if (email.action) {
    const url = escapeHtml(email.action.url);
    const label = escapeHtml(translate(email.language, email.action.labelKey));
    paragraphs.splice(1, 0, `<p><a href="${url}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${label}</a></p>`);
  }
  const html = `<!doctype html><html lang="${email.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`
    + `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">${paragraphs.join('')}</body></html>`;
  return { to: email.to, subject, text, html, kind: email.kind };
}
