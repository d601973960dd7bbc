/**
 * Who calls the practice API: `Authorization: Bearer <practice token>` names one practitioner, whose appointments
 * and patients alone it may touch. Such requests carry no cookie, so the CSRF guard lets them through (csrf.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { PracticeTokenRequired } from './errors.ts';
import { practitionerOfToken } from './tokens.ts';

export interface PracticeCaller {
  practitionerId: string;
}

/** The practitioner the request's bearer token acts for, or PracticeTokenRequired (401). */
export async function requirePractice(request: FastifyRequest, db: Db): Promise<PracticeCaller> {
  const token = bearerToken(request.headers.authorization);
  const practitionerId = token === null ? null : await practitionerOfToken(db, token);
  if (practitionerId === null) throw new PracticeTokenRequired();
  return { practitionerId };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
