/** Reads the development mailbox (table dev_mailbox, filled by src/platform/delivery/dev-mailbox.ts). */
import type { Db } from '../../platform/db/database.ts';
import type { MailboxAttachment } from '../../platform/db/schema.ts';
import type { DeliveryChannel } from '../../platform/delivery/delivery.ts';

export interface MailboxMessage {
  id: string;
  channel: DeliveryChannel;
  kind: string;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  /** Attached files (an email's .ics invitation), served at /dev/mailbox/:id/attachments/:index. */
  attachments: Array<{ filename: string; contentType: string }>;
  sentAt: string;
}

/** The page and the JSON list show at most this many messages, newest first. */
export const mailboxPageSize = 200;

/** The newest messages, all of them or those sent to one recipient (emails compared without case). */
export async function listMailboxMessages(db: Db, recipient?: string): Promise<MailboxMessage[]> {
  let query = db.selectFrom('dev_mailbox').selectAll().orderBy('id', 'desc').limit(mailboxPageSize);
  if (recipient !== undefined) query = query.where((eb) => eb(eb.fn('lower', ['recipient']), '=', recipient.toLowerCase()));
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    text: row.text,
    html: row.html,
    attachments: (row.attachments ?? []).map(({ filename, contentType }) => ({ filename, contentType })),
    sentAt: row.sent_at.toISOString(),
  }));
}

/** The HTML part of one email, or undefined when there is no such email. */
export async function findEmailHtml(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('dev_mailbox').select('html').where('id', '=', id).where('channel', '=', 'email').executeTakeFirst();
  return row?.html ?? undefined;
}

/** One attachment of one email, or undefined. */
export async function findAttachment(db: Db, id: string, index: number): Promise<MailboxAttachment | undefined> {
  const row = await db.selectFrom('dev_mailbox').select('attachments').where('id', '=', id).where('channel', '=', 'email').executeTakeFirst();
  return row?.attachments?.[index];
}
