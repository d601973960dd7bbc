/** The development mailbox: what the dev-mailbox delivery kept, shown at /dev/mailbox. */
export { devMailboxPages } from './routes.ts';
export { listMailboxMessages, type MailboxMessage } from './mailbox-repository.ts';
