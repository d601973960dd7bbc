/**
 * CSRF protection of every state-changing API request (docs/api-accounts.md « Cookies, sessions, CSRF »):
 * a signed double-submit token (cookie `__Host-creneau_csrf` = header `X-CSRF-Token`, HMAC-signed with an
 * installation secret so that a planted cookie is worthless) and a refusal of cross-site Origin / Sec-Fetch-Site.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { readCookie, writeCookie } from './cookies.ts';

export const CSRF_COOKIE = '__Host-creneau_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request that may have been forged by another site (403). */
export class CsrfRefused extends AppError {
  constructor() {
    super('forbidden', 'accounts.error.csrf');
  }
}

/** The signing key, created once per installation in `instance_secrets` and cached per database. */
const keys = new WeakMap<Db, Promise<Buffer>>();

function csrfKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreateKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function loadOrCreateKey(db: Db): Promise<Buffer> {
  await db
    .insertInto('instance_secrets')
    .values({ name: 'csrf', value: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('instance_secrets').select('value').where('name', '=', 'csrf').executeTakeFirstOrThrow();
  return row.value;
}

function sign(key: Buffer, nonce: string): string {
  return createHmac('sha256', key).update(nonce).digest('base64url');
}

/** Whether a token is one we issued: `<nonce>.<HMAC(nonce)>`. */
function isSigned(key: Buffer, token: string): boolean {
  const [nonce, signature, ...rest] = token.split('.');
  if (!nonce || !signature || rest.length > 0) return false;
  return sameText(sign(key, nonce), signature);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The request's CSRF token, issuing and setting a new cookie when it has none (or a forged one). */
export async function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, db: Db): Promise<string> {
  const key = await csrfKey(db);
  const present = readCookie(request, CSRF_COOKIE);
  if (present && isSigned(key, present)) return present;
  const nonce = randomBytes(32).toString('base64url');
  const token = `${nonce}.${sign(key, nonce)}`;
  writeCookie(reply, CSRF_COOKIE, token, { secure: true, sameSite: 'Strict' });
  return token;
}

/** A cross-site request: the browser says so (Sec-Fetch-Site) or its Origin is not this site. */
function isCrossSite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (allowedOrigins.includes(origin)) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true; // 'null' (sandboxed frames, file://) and garbage
  }
}

/**
 * A practice-software call (`Authorization: Bearer …`, no cookie at all): a browser never adds that header on its
 * own across sites and no ambient credential rides along, so there is nothing to forge; the route checks the token.
 */
function isBearerWithoutCookies(request: FastifyRequest): boolean {
  return /^Bearer /i.test(request.headers.authorization ?? '') && request.headers.cookie === undefined;
}

/** The onRequest hook refusing state-changing /api requests without a valid token or from another site. */
export function csrfGuard(db: Db, options: { allowedOrigins?: readonly string[] } = {}): onRequestAsyncHookHandler {
  const allowedOrigins = options.allowedOrigins ?? [];
  return async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;
    if (isBearerWithoutCookies(request)) return;
    if (isCrossSite(request, allowedOrigins)) throw new CsrfRefused();
    const header = request.headers[CSRF_HEADER];
    const cookie = readCookie(request, CSRF_COOKIE);
    if (typeof header !== 'string' || !cookie || !sameText(header, cookie)) throw new CsrfRefused();
    if (!isSigned(await csrfKey(db), cookie)) throw new CsrfRefused();
  };
}
