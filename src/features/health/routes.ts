import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';

export const healthRoutes: FeatureRoutes = (app, { db, now }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/health', {
    schema: {
      summary: 'Liveness and database reachability',
      tags: ['platform'],
      response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }) },
    },
  }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok' as const, database: 'ok' as const, time: now().toISOString() };
  });
};
