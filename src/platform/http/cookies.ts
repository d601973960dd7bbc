/**
 * Reading the Cookie header and writing Set-Cookie lines, without a plugin: the few cookies of the
 * accounts feature (session, trusted device, CSRF) need only names, values and attributes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CookieOptions {
  httpOnly?: boolean;
  sameSite: 'Lax' | 'Strict';
  /** Seconds; absent: a browser-session cookie. 0 deletes the cookie. */
  maxAge?: number;
  secure: boolean;
}

/** The value of cookie `name` sent with the request, or undefined (first occurrence wins, as browsers send the most specific first). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
}

/** Appends a Set-Cookie header (values are base64url tokens: no encoding needed, anything else is refused). */
export function writeCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  if (!/^[A-Za-z0-9_.~-]*$/.test(value)) throw new Error(`cookie ${name}: value is not a token`);
  const parts = [`${name}=${value}`, 'Path=/'];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  if (options.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.secure) parts.push('Secure');
  if (options.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${options.sameSite}`);
  const previous = reply.getHeader('set-cookie');
  const lines = previous === undefined ? [] : Array.isArray(previous) ? previous.map(String) : [String(previous)];
  // A cookie set twice in one answer (login after a logout…) keeps only its last value.
  const others = lines.filter((line) => !line.startsWith(`${name}=`));
  reply.header('set-cookie', [...others, parts.join('; ')]);
}

/** Deletes a cookie in the browser. */
export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'maxAge'>): void {
  writeCookie(reply, name, '', { ...options, maxAge: 0 });
}
