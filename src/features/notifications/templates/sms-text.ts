/**
 * The reminder SMS (E3, D4): who and when, then as much as fits in two segments. Always: the practitioner, the Paris
 * date and time and the « Annuler » link (freeing a slot is what a reminder SMS is for). Then, in this order of
 * priority and only while the text stays within two segments: the place, the practice's phone (D3: under 4 hours
 * one must call), the « Déplacer » link. Written in the GSM-7 alphabet (domain/sms.ts), never with the visit reason.
 * With today's 79-character link tokens the « Déplacer » link rarely fits: it stays in the emails.
 */
import { translate, type Language } from '../../../platform/i18n/catalogue.ts';
import { smsLength, toGsmFriendly } from '../domain/sms.ts';
import { displayPhone, parisShortDateTime } from './format.ts';
import { placeLine } from './email-content.ts';
import type { NotificationData } from './notification-data.ts';

/** Segments a reminder may take when the essentials leave room. */
export const SMS_MAX_SEGMENTS = 2;

type OptionalPart = 'place' | 'phone' | 'move';

/** Optional parts by priority; the text lists parts in reading order (intro, place, phone, cancel, move). */
const PRIORITY: readonly OptionalPart[] = ['place', 'phone', 'move'];

export function reminderSmsText(data: NotificationData, lang: Language): string {
  const a = data.appointment;
  const forSomeoneElse = data.recipientRole === 'holder' && !a.patientIsHolder;
  const intro = translate(lang, forSomeoneElse ? 'notifications.sms.reminder_for' : 'notifications.sms.reminder', {
    practitioner: a.practitionerName, patient: a.patientName, dateTime: parisShortDateTime(a.start, lang),
  });
  const parts: Record<OptionalPart | 'cancel', string | null> = {
    place: `${placeLine({ ...a, placeName: null })}.`,
    phone: a.practicePhone ? translate(lang, 'notifications.sms.phone', { phone: displayPhone(a.practicePhone) }) : null,
    cancel: data.links ? translate(lang, 'notifications.sms.cancel', { url: data.links.cancelUrl }) : null,
    move: data.links ? translate(lang, 'notifications.sms.move', { url: data.links.moveUrl }) : null,
  };
  const chosen = new Set<OptionalPart>();
  const compose = (with_: ReadonlySet<OptionalPart>) => toGsmFriendly([
    intro,
    with_.has('place') ? parts.place : null,
    with_.has('phone') ? parts.phone : null,
    parts.cancel,
    with_.has('move') ? parts.move : null,
  ].filter((part): part is string => part !== null).join('\n'));
  for (const part of PRIORITY) {
    if (parts[part] === null) continue;
    const candidate = new Set([...chosen, part]);
    if (smsLength(compose(candidate)).segments <= SMS_MAX_SEGMENTS) chosen.add(part);
  }
  return compose(chosen);
}
