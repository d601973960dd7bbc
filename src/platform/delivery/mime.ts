/**
 * The MIME message of an email of the shape Créneau sends (RFC 5322, RFC 2045–2047), built directly into one
 * buffer: headers, then text and HTML as multipart/alternative, inside multipart/mixed when files are attached;
 * every body part in base64. nodemailer's general composer cost ~0.7 ms a message, over half of the notifications
 * worker's CPU (docs/performance.md « Notifications »). Anything outside that shape — an address or a file name
 * that is not plain ASCII — answers null, and the caller builds the message with the general composer instead.
 */
import { randomBytes } from 'node:crypto';
import type { EmailAttachment } from './delivery.ts';
import { utf8Chunks } from '../text/utf8-chunks.ts';

export interface MimeMessage {
  /** `Name <address>` or `address`. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`; absent: a random one on the sender's domain. */
  messageId?: string | undefined;
  date: Date;
  /** Extra headers, ASCII names and values (X-Creneau-Kind). */
  headers: Record<string, string>;
  attachments: readonly EmailAttachment[];
}

const CRLF = '\r\n';
/** An address or a file name this builder writes as is. */
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/;
const PLAIN_FILENAME = /^[A-Za-z0-9._ -]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Bytes of UTF-8 per encoded word: 36 bytes are 48 base64 characters, a 60-character word (RFC 2047: ≤ 75). */
const WORD_BYTES = 36;

/** The message as bytes ready for SMTP DATA, or null when it needs the general composer. */
export function composeMime(message: MimeMessage): Buffer | null {
  const from = parseMailbox(message.from);
  if (!from || !PLAIN_ADDRESS.test(message.to)) return null;
  if (message.attachments.some((file) => !PLAIN_FILENAME.test(file.filename) || !PRINTABLE_ASCII.test(file.contentType))) return null;
  if (Object.entries(message.headers).some(([name, value]) => !/^[A-Za-z0-9-]+$/.test(name) || !PRINTABLE_ASCII.test(value))) return null;
  const id = randomBytes(12).toString('hex');
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);
  const lines = [
    `From: ${from.name ? `${displayName(from.name)} <${from.address}>` : from.address}`,
    `To: ${message.to}`,
    `Subject: ${headerText(message.subject)}`,
    `Message-ID: ${message.messageId ?? `<${id}@${domain}>`}`,
    `Date: ${message.date.toUTCString().replace(/GMT$/, '+0000')}`,
    ...Object.entries(message.headers).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
  ];
  const alternative = multipart('alternative', `a${id}`, [
    part('text/plain; charset=utf-8', message.text),
    part('text/html; charset=utf-8', message.html),
  ]);
  const body = message.attachments.length === 0 ? alternative : multipart('mixed', `m${id}`, [
    alternative,
    ...message.attachments.map((file) => part(
      `${file.contentType};${CRLF} name="${file.filename}"`, file.content, `Content-Disposition: attachment;${CRLF} filename="${file.filename}"`,
    )),
  ]);
  return Buffer.from(lines.join(CRLF) + CRLF + body, 'utf8');
}

/** A body part: its headers, a blank line, its content in base64 lines of 76 characters. */
function part(contentType: string, content: string, ...headers: string[]): string {
  const encoded = Buffer.from(content, 'utf8').toString('base64').replace(/.{76}/g, `$&${CRLF}`).replace(/\r\n$/, '');
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...headers, '', encoded].join(CRLF);
}

/** Parts joined under a boundary that base64 and these headers can never contain (`_` and `=`). */
function multipart(kind: 'alternative' | 'mixed', id: string, parts: string[]): string {
  const boundary = `=_creneau_${id}`;
  return [
    `Content-Type: multipart/${kind};${CRLF} boundary="${boundary}"`, '',
    ...parts.flatMap((body) => [`--${boundary}`, body]),
    `--${boundary}--`, '',
  ].join(CRLF);
}

/** `Name <address>` or a bare address, if the address is plain ASCII. */
function parseMailbox(mailbox: string): { name: string; address: string } | null {
  const match = /^\s*(?:(.*?)\s*<([^<>]+)>|([^<>\s]+))\s*$/.exec(mailbox);
  const address = match?.[2] ?? match?.[3];
  if (!address || !PLAIN_ADDRESS.test(address)) return null;
  return { name: (match?.[1] ?? '').replace(/^"(.*)"$/, '$1'), address };
}

/** A display name: plain ASCII words as a quoted string, anything else as encoded words. */
function displayName(name: string): string {
  return PRINTABLE_ASCII.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodedWords(name);
}

/** Header text: short plain ASCII as is, anything else as encoded words (folded, one per line). */
function headerText(text: string): string {
  return PRINTABLE_ASCII.test(text) && text.length <= 66 && !text.includes('=?') ? text : encodedWords(text);
}

/** RFC 2047 B encoded words of at most 36 UTF-8 bytes each, never cutting a character, folded. */
function encodedWords(text: string): string {
  if (!text) return '';
  return utf8Chunks(text, () => WORD_BYTES)
    .map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}
