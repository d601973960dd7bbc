import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';

export const healthRoutes: FeatureRoutes = (app, { db, now }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/health', {
    schema: {
      summary: 'Liveness and database reachability (503 when the database does not answer)',
      tags: ['platform'],
      response: {
        200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }),
        503: z.object({ status: z.literal('unavailable'), database: z.literal('unreachable'), time: z.string() }),
      },
    },
  }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: 'ok' as const, time: now().toISOString() };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable' as const, time: now().toISOString() });
    }
  });
};
