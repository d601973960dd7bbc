/**
 * The Fastify application: security headers, zod validation, OpenAPI at /api/docs, one error
 * mapping for every route, the feature routes, and the built web app with SPA fallback.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../errors.ts';
import { isMessageKey, languageFromHeader, translate, type Language } from '../i18n/catalogue.ts';
import { projectRoot } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { DeliveryUnavailable, type Delivery } from '../delivery/delivery.ts';
import { devMailboxDelivery } from '../delivery/dev-mailbox.ts';
import { csrfGuard } from './csrf.ts';
import type { SessionMemory } from '../../features/accounts/session-memory.ts';

export type App = FastifyInstance;

export interface AppContext {
  db: Db;
  /** The clock, injectable for tests. */
  now: () => Date;
  /** How long search result lists may reuse computed next free slots (0 or absent: always recompute). */
  listSlotsCacheMs?: number;
  /** Where that cache hears of agenda changes (practitioner id, or null: any); absent: this process's announcements. */
  agendaChanges?: (listener: (practitionerId: string | null) => void) => () => void;
  /** How messages leave (email, SMS, voice); absent: the development mailbox over `db`. */
  delivery?: Delivery;
  /** The site's address for links in messages, without a trailing slash; absent: http://localhost:3000. */
  publicUrl?: string;
  /** The signed-in sessions this process remembers, trusted while it hears of ended ones; absent: always read them. */
  sessionMemory?: SessionMemory;
}

/** What routes receive: the context with every optional service filled in. */
export interface RouteContext extends AppContext {
  delivery: Delivery;
  publicUrl: string;
}

/** A feature's routes: registered under /api (or at the root for `pages`) with the shared context. */
export type FeatureRoutes = (app: FastifyInstance, context: RouteContext) => void | Promise<void>;

/** Fills in the defaults of the optional services, so that routes never check for them. */
export function resolveContext(context: AppContext): RouteContext {
  return {
    ...context,
    delivery: context.delivery ?? devMailboxDelivery(context.db, context.now),
    publicUrl: (context.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
  }
}

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many_requests: 429,
  unavailable: 503,
};

export interface BuildAppOptions {
  context: AppContext;
  routes: FeatureRoutes[];
  /** Routes outside /api (the development mailbox), registered before the SPA fallback. */
  pages?: FeatureRoutes[];
  /** Folder of the built SPA (index.html); omitted in API-only tests. */
  webDist?: string;
  /** Fastify's trustProxy (config TRUST_PROXY): which X-Forwarded-For hops give request.ip; absent: none. */
  trustProxy?: boolean | number | string[];
  /** 'verbose': every request (method, path, status); 'errors': warnings and errors only; absent: silent (tests). */
  logger?: 'verbose' | 'errors';
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const context = resolveContext(options.context);
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logger === 'verbose' ? 'info' : 'warn',
          // Health data never reaches logs: no query strings, no bodies, no headers.
          serializers: {
            req: (req) => ({ method: req.method, url: (req.url ?? '').split('?')[0] }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    // Fastify's constructor overloads reject the union type; every member of it is an accepted trustProxy form.
    trustProxy: (options.trustProxy ?? false) as boolean,
    // Long path parameters reach the zod schemas, which answer a translated 400 (never a 414 echoing the URL).
    routerOptions: { maxParamLength: 5000 },
    // Malformed URLs get our translated 400, never Fastify's default body that echoes the URL and its query string.
    frameworkErrors: (_error, request, reply) => {
      (reply as FastifyReply).status(400).send({
        error: 'invalid',
        message: translate(languageFromHeader(request.headers['accept-language']), 'error.invalid_input', { details: 'URL' }),
      });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.status(404).send({ error: 'not_found', message: translate(request.lang, 'error.not_found') });
  app.decorateRequest('lang', 'fr');
  app.addHook('onRequest', async (request) => {
    request.lang = languageFromHeader(request.headers['accept-language']);
  });
  // Every state-changing /api request carries the CSRF token and comes from this site (docs/api-accounts.md).
  app.addHook('onRequest', csrfGuard(context.db, { allowedOrigins: [new URL(context.publicUrl).origin] }));

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Créneau API', description: 'Open medical appointment platform', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The documentation UI sets inline styles: its pages alone (no health data) allow them; the site keeps the strict CSP.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = request.lang ?? 'fr';
    if (error instanceof DeliveryUnavailable) {
      // Operators learn which provider failed; recipients and message bodies never reach logs.
      request.log.warn({ delivery: { channel: error.channel, kind: error.messageKind, reason: error.reason } }, 'message not delivered');
    }
    if (error instanceof AppError) {
      reply.headers(error.headers);
      const { code, details } = error.extra;
      return reply.status(statusOf[error.kind]).send({
        ...details, error: error.kind, ...(code ? { code } : {}), message: translate(lang, error.messageKey, error.params),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Schemas name their sentence by a catalogue key; the first invalid parameter is the one reported.
      const issue = error.validation[0];
      const field = issue?.instancePath.replace(/^\//, '') || error.validationContext || '';
      const key = issue?.message && isMessageKey(issue.message) ? issue.message : 'error.field_invalid';
      return reply.status(400).send({ error: 'invalid', message: translate(lang, key, { field }) });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const kind = error.statusCode === 404 ? 'not_found' : error.statusCode === 429 ? 'too_many_requests' : 'invalid';
      const key = kind === 'not_found' ? 'error.not_found' : kind === 'too_many_requests' ? 'error.too_many_requests' : 'error.invalid_input';
      return reply.status(error.statusCode).send({ error: kind, message: translate(lang, key, { details: '' }) });
    }
    request.log.error({ err: { type: error.name, code: error.code } }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: translate(lang, 'error.internal') });
  });

  await app.register(
    async (api) => {
      for (const routes of options.routes) await routes(api, context);
      api.setNotFoundHandler(notFound);
    },
    { prefix: '/api' },
  );
  await app.register(async (root) => {
    for (const routes of options.pages ?? []) await routes(root, context);
  });

  const webDist = options.webDist;
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) {
    // Fastify's default 404 would log and echo the URL with its query string.
    app.setNotFoundHandler(notFound);
  } else {
    // wildcard: files are looked up at request time, so a rebuilt web/dist is served without a restart.
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      // Client-side routes get the SPA; a missing asset or API path is a real 404.
      const isPage = !pathname.startsWith('/api/') && !pathname.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(pathname);
      if ((request.method === 'GET' || request.method === 'HEAD') && isPage) {
        return reply.type('text/html').sendFile('index.html');
      }
      return notFound(request, reply);
    });
  }
  return app;
}

export const defaultWebDist = path.join(projectRoot, 'web', 'dist');
export type { ZodTypeProvider };
