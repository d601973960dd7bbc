/**
 * Typed application errors. Features throw subclasses named for the domain (`SlotTaken`…);
 * the HTTP layer maps `kind` to a status code in one place and translates `messageKey`.
 */
import type { MessageKey } from './i18n/catalogue.ts';

export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_many_requests' | 'unavailable';

/** A refusal's machine code and extra fields, merged into the JSON body next to `error` and `message`. */
export interface ErrorDetails {
  code?: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly extra: ErrorDetails = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }

  /** HTTP headers the answer carries (e.g. Retry-After of a 429). */
  headers: Record<string, string> = {};
}

export class NotFound extends AppError {
  constructor(messageKey: MessageKey = 'error.not_found', params: Record<string, string | number> = {}) {
    super('not_found', messageKey, params);
  }
}

export class InvalidInput extends AppError {
  constructor(messageKey: MessageKey, params: Record<string, string | number> = {}) {
    super('invalid', messageKey, params);
  }
}
