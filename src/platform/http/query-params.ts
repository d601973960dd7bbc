/** Zod building blocks for query-string parameters; their messages are catalogue keys (see app.ts). */
import { z } from 'zod';
import type { MessageKey } from '../i18n/catalogue.ts';

/** A whole number written in decimal digits, within [min, max]; anything else is reported with `error`. */
export function integerParam(min: number, max: number, error: MessageKey) {
  return z.string({ error })
    .regex(new RegExp(`^[0-9]{1,${String(max).length}}$`), { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));
}
