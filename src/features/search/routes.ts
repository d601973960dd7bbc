/**
 * GET /api/suggest, /api/places/suggest and /api/search (docs/api.md): validate, then ask the services.
 * Invalid input answers 400 with a translated sentence naming the parameter; nothing a user types reaches a 500.
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import {
  errorSchema, placeSuggestionsSchema, searchQuerySchema, searchResponseSchema, suggestionsSchema, suggestQuerySchema,
} from './schemas.ts';
import { createNextSlotsCache, forgetOnAgendaChange, onAgendaChange } from '../availability/index.ts';
import { searchPractitioners } from './service.ts';
import { suggest, suggestPlaces } from './suggest-service.ts';


export const searchRoutes: FeatureRoutes = (app, { db, now, listSlotsCacheMs, agendaChanges = onAgendaChange }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cache = listSlotsCacheMs ? createNextSlotsCache({ ttlMs: listSlotsCacheMs }) : undefined;
  const nextSlots = cache?.find;
  // A practice's agenda change is seen by the next search (src/features/availability/agenda-changes.ts); `null`: any.
  if (cache) {
    const stopListening = forgetOnAgendaChange(agendaChanges, cache);
    app.addHook('onClose', async () => stopListening());
  }

  api.get('/suggest', {
    schema: {
      summary: 'Suggestions while typing: specialties, visit reasons, practitioners, establishments',
      tags: ['search'],
      querystring: suggestQuerySchema,
      response: { 200: suggestionsSchema, 400: errorSchema },
    },
  }, async (request) => {
    return suggest(db, request.query.q, request.lang);
  });

  api.get('/places/suggest', {
    schema: {
      summary: 'Communes for « Où ? »: by name (typo-tolerant) or postal-code prefix',
      tags: ['search'],
      querystring: suggestQuerySchema,
      response: { 200: placeSuggestionsSchema, 400: errorSchema },
    },
  }, async (request) => {
    return { places: await suggestPlaces(db, request.query.q) };
  });

  api.get('/search', {
    schema: {
      summary: 'Practitioners near a place for a specialty, reason or name, with filters and next free slots',
      tags: ['search'],
      querystring: searchQuerySchema,
      response: { 200: searchResponseSchema, 400: errorSchema },
    },
  }, async (request) => {
    const q = request.query;
    return searchPractitioners(db, {
      what: q.what ?? '',
      specialty: q.specialty ?? null,
      place: q.place ?? null,
      where: q.where ?? '',
      availableWithin: q.availableWithin ? Number(q.availableWithin) : null,
      sectors: q.sector ?? [],
      reason: q.reason ?? null,
      language: q.language ?? null,
      video: q.video === 'true',
      page: q.page ?? 1,
    }, { now: now(), lang: request.lang, findNextFreeSlots: nextSlots });
  });
};
