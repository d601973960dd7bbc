/**
 * One email document rendered twice, as HTML and as plain text, so the two parts always say the same thing.
 * The HTML is deliberately plain: a lang attribute, one h1 then h2 sections, a definition list for the details,
 * real link texts, dark text on white (contrast ≥ 7:1), inline styles only, no image, no external resource, no
 * tracking of any kind. Every piece of data is escaped; links are kept only when they are http(s).
 */
import { translate, type Language } from '../../../platform/i18n/catalogue.ts';

export type EmailBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; items: ReadonlyArray<{ label: string; value: string }> }
  | { type: 'links'; items: ReadonlyArray<{ label: string; url: string }> }
  | { type: 'small'; text: string };

export interface EmailDocument {
  lang: Language;
  subject: string;
  title: string;
  blocks: readonly EmailBlock[];
}

/** The colours of the layout, all on a white background. */
export const EMAIL_COLOURS = { background: '#ffffff', text: '#1f2328', heading: '#0b3d6e', link: '#0a4ea3', muted: '#4b5563' } as const;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STYLE = {
  body: `margin:0;padding:0;background-color:${EMAIL_COLOURS.background};color:${EMAIL_COLOURS.text};`,
  article: `max-width:600px;margin:0 auto;padding:24px 16px;${FONT}font-size:16px;line-height:1.5;`
    + `color:${EMAIL_COLOURS.text};background-color:${EMAIL_COLOURS.background};`,
  h1: `margin:0 0 16px;font-size:24px;line-height:1.3;color:${EMAIL_COLOURS.heading};`,
  h2: `margin:24px 0 8px;font-size:19px;line-height:1.3;color:${EMAIL_COLOURS.heading};`,
  p: 'margin:0 0 12px;',
  dl: 'margin:0 0 12px;',
  dt: 'margin:8px 0 0;font-weight:bold;',
  dd: 'margin:0;',
  ul: 'margin:0 0 12px;padding:0 0 0 20px;',
  li: 'margin:0 0 8px;',
  a: `color:${EMAIL_COLOURS.link};text-decoration:underline;font-weight:bold;`,
  small: `margin:24px 0 0;font-size:14px;color:${EMAIL_COLOURS.muted};`,
} as const;

/** The document as a complete HTML page. */
export function renderEmailHtml(document: EmailDocument): string {
  const { lang } = document;
  const body = document.blocks.map((block) => htmlOf(block)).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(document.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div role="article" aria-label="${escapeHtml(document.subject)}" lang="${lang}" style="${STYLE.article}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(document.title)}</h1>`,
    body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The document as plain text: the same blocks, in the same order. */
export function renderEmailText(document: EmailDocument): string {
  const sections = [`${document.title}\n${'='.repeat([...document.title].length)}`];
  for (const block of document.blocks) {
    const text = textOf(block, document.lang);
    if (text) sections.push(text);
  }
  return `${sections.join('\n\n')}\n`;
}

function htmlOf(block: EmailBlock): string {
  switch (block.type) {
    case 'heading':
      return `<h2 style="${STYLE.h2}">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="${STYLE.p}">${escapeHtml(block.text)}</p>`;
    case 'small':
      return `<p style="${STYLE.small}">${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<dl style="${STYLE.dl}">${block.items.map((item) =>
        `<dt style="${STYLE.dt}">${escapeHtml(item.label)}</dt><dd style="${STYLE.dd}">${escapeHtml(item.value)}</dd>`).join('')}</dl>`;
    case 'links': {
      const items = safeLinks(block.items);
      if (!items.length) return '';
      return `<ul style="${STYLE.ul}">${items.map((item) =>
        `<li style="${STYLE.li}"><a href="${escapeHtml(item.url)}" style="${STYLE.a}">${escapeHtml(item.label)}</a></li>`).join('')}</ul>`;
    }
  }
}

function textOf(block: EmailBlock, lang: Language): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${'-'.repeat([...block.text].length)}`;
    case 'paragraph':
    case 'small':
      return block.text;
    case 'facts':
      return block.items.map((item) => translate(lang, 'notifications.fact_line', item)).join('\n');
    case 'links':
      return safeLinks(block.items).map((item) => translate(lang, 'notifications.fact_line', { label: item.label, value: item.url })).join('\n');
  }
}

/** Only web links: a `javascript:` or `data:` URL never becomes clickable. */
function safeLinks(items: ReadonlyArray<{ label: string; url: string }>): Array<{ label: string; url: string }> {
  return items.filter((item) => /^https?:\/\/[^\s]+$/i.test(item.url));
}

/** Text made inert in HTML content and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
