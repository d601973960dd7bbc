/** Authentication routes (docs/api-accounts.md « Session », « Sign-up », « Login »): thin handlers over the services. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { ensureCsrfToken } from '../../platform/http/csrf.ts';
import { accountViewSchema, readAccountView } from './account-view.ts';
import { currentAccount } from './sessions.ts';

export const authRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/session', {
    schema: {
      summary: 'The signed-in account (or null) and the CSRF token to send as X-CSRF-Token',
      tags: ['accounts'],
      response: { 200: z.object({ account: accountViewSchema.nullable(), csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const csrfToken = await ensureCsrfToken(request, reply, context.db);
    const signedIn = await currentAccount(request, context);
    const account = signedIn ? (await readAccountView(context.db, signedIn.accountId)) ?? null : null;
    reply.header('cache-control', 'no-store');
    return { account, csrfToken };
  });
};
