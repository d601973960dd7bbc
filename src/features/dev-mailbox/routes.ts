/**
 * The development mailbox pages (outside /api): GET /dev/mailbox (HTML: sent messages, and the notifications still
 * to go with their send time), /dev/mailbox/messages?to= (JSON), /dev/mailbox/:id/html (an email's HTML, sandboxed),
 * /dev/mailbox/:id/attachments/:index (an attached file). 404 in production or when every channel has a provider.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { NotFound } from '../../platform/errors.ts';
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { devMailboxEnabled } from '../../platform/delivery/create-delivery.ts';
import { listFailedNotifications, listScheduledNotifications } from '../notifications/index.ts';
import { findAttachment, findEmailHtml, listMailboxMessages } from './mailbox-repository.ts';
import { mailboxStylesheetPath, renderMailboxPage } from './mailbox-page.ts';

/** An email's own HTML may style itself and show inline images, nothing else: no script, no request, no form. */
const emailHtmlPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const stylesheet = readFileSync(new URL('./mailbox.css', import.meta.url), 'utf8');

/** A space in `to` can only be a `+` decoded by the query string: addresses and E.164 numbers have none. */
export function recipientFromQuery(to: string): string {
  return to.replace(/ /g, '+');
}

/** The mailbox pages for this configuration; without one (tests), enabled. */
export function devMailboxPages(config?: Pick<Config, 'smtpUrl' | 'mailFrom' | 'twilio' | 'production'>): FeatureRoutes {
  const enabled = config === undefined || devMailboxEnabled(config);
  return (app, context) => (enabled ? mailboxRoutes(app, context.db) : absentMailbox(app));
}

function mailboxRoutes(app: FastifyInstance, db: Db): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/dev/mailbox', { schema: { hide: true } }, async (_request, reply) => {
    const [messages, scheduled, failed] = await Promise.all([
      listMailboxMessages(db), listScheduledNotifications(db), listFailedNotifications(db),
    ]);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderMailboxPage(messages, { scheduled, failed }));
  });

  routes.get(mailboxStylesheetPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(stylesheet));

  routes.get('/dev/mailbox/messages', {
    schema: { hide: true, querystring: z.object({ to: z.string().max(320, 'error.field_too_long').optional() }) },
  }, async (request, reply) => {
    const to = request.query.to;
    const messages = await listMailboxMessages(db, to === undefined ? undefined : recipientFromQuery(to));
    return reply.header('cache-control', 'no-store').send({ messages });
  });

  routes.get('/dev/mailbox/:id/html', {
    schema: { hide: true, params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'error.field_invalid') }) },
  }, async (request, reply) => {
    const html = await findEmailHtml(db, request.params.id);
    if (html === undefined) throw new NotFound();
    return reply
      .header('content-security-policy', emailHtmlPolicy)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  routes.get('/dev/mailbox/:id/attachments/:index', {
    schema: {
      hide: true,
      params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'error.field_invalid'), index: z.coerce.number().int().min(0).max(20) }),
    },
  }, async (request, reply) => {
    const file = await findAttachment(db, request.params.id, request.params.index);
    if (file === undefined) throw new NotFound();
    return reply
      .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .type(file.contentType)
      .send(file.content);
  });
}

/** Real 404s (never the web app's page, which the SPA fallback would serve with a 200). */
function absentMailbox(app: FastifyInstance): void {
  const notFound = async () => {
    throw new NotFound();
  };
  app.get('/dev/mailbox', notFound);
  app.get('/dev/mailbox/*', notFound);
}
