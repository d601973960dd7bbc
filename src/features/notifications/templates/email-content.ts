/**
 * What each appointment email says (E1, E2, E5, D2–D5), as a document of blocks (email-layout.ts renders it).
 * Every email names the practitioner, the place with its address, the Paris date and time and the patient; the
 * visit reason appears in emails only (health data: never in an SMS or a calendar file).
 */
import { translate, type Language, type MessageKey } from '../../../platform/i18n/catalogue.ts';
import type { EmailBlock, EmailDocument } from './email-layout.ts';
import { displayPhone, parisDateTime, parisDateTimeLabelled } from './format.ts';
import type { AppointmentFacts, NotificationData, NotificationKind } from './notification-data.ts';

export type EmailKind = Exclude<NotificationKind, 'reminder_sms_48h' | 'reminder_sms_24h'>;

/** The email of a kind, with `{filename}` naming the attached calendar file where there is one. */
export function emailDocument(kind: EmailKind, data: NotificationData, lang: Language): EmailDocument {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const a = data.appointment;
  const common = { practitioner: a.practitionerName, dateTime: parisDateTime(a.start, lang) };
  const filename = t('notifications.calendar.filename');
  const details = detailsSection(a, lang, kind !== 'no_show');
  const manage = manageSection(data, lang);
  const footer = footerSection(data, lang);
  const greeting: EmailBlock = { type: 'paragraph', text: t('notifications.greeting') };
  const paragraph = (key: MessageKey, params: Record<string, string | number> = {}): EmailBlock =>
    ({ type: 'paragraph', text: t(key, { ...common, ...params }) });

  switch (kind) {
    case 'confirmation':
      return {
        lang, subject: t('notifications.confirmation.subject', common), title: t('notifications.confirmation.title'),
        blocks: [greeting, paragraph('notifications.confirmation.intro'), ...details, ...manage,
          paragraph('notifications.calendar.add', { filename }), ...footer],
      };
    case 'reminder_7d':
    case 'reminder_24h':
      return {
        lang, subject: t('notifications.reminder.subject', common), title: t('notifications.reminder.title'),
        blocks: [greeting, paragraph('notifications.reminder.intro'), ...details,
          paragraph('notifications.reminder.free_slot'), ...manage, ...footer],
      };
    case 'moved': {
      const previous = data.previousStart
        ? [paragraph('notifications.moved.previous', { dateTime: parisDateTime(data.previousStart, lang) })]
        : [];
      return {
        lang, subject: t('notifications.moved.subject', common), title: t('notifications.moved.title'),
        blocks: [greeting, paragraph('notifications.moved.intro'), ...previous, ...details, ...manage,
          paragraph('notifications.calendar.update', { filename }), ...footer],
      };
    }
    case 'cancelled':
      return {
        lang, subject: t('notifications.cancelled.subject', common), title: t('notifications.cancelled.title'),
        blocks: [greeting, paragraph('notifications.cancelled.intro'), ...details,
          paragraph('notifications.cancelled.rebook'), paragraph('notifications.calendar.remove', { filename }), ...footer],
      };
    case 'no_show':
      return {
        lang, subject: t('notifications.no_show.subject'), title: t('notifications.no_show.title'),
        blocks: [greeting, paragraph('notifications.no_show.intro', { patient: a.patientName }),
          paragraph('notifications.no_show.reassure'), paragraph('notifications.no_show.rule'), ...noShowCount(data, lang),
          paragraph('notifications.no_show.dispute'), ...details, ...footer],
      };
  }
}

/** The appointment's details: when (Paris time), who, where, why, for whom, the practice's phone. */
function detailsSection(a: AppointmentFacts, lang: Language, withReason: boolean): EmailBlock[] {
  const t = (key: MessageKey) => translate(lang, key);
  const items = [
    { label: t('notifications.fact.when'), value: parisDateTimeLabelled(a.start, lang) },
    { label: t('notifications.fact.practitioner'), value: practitionerLine(a) },
    { label: t('notifications.fact.place'), value: placeLine(a) },
    ...(withReason ? [{ label: t('notifications.fact.reason'), value: a.reasonLabel }] : []),
    { label: t('notifications.fact.patient'), value: a.patientName },
    ...(a.practicePhone ? [{ label: t('notifications.fact.phone'), value: displayPhone(a.practicePhone) }] : []),
  ];
  return [{ type: 'heading', text: t('notifications.details') }, { type: 'facts', items }];
}

/** « Déplacer » / « Annuler » links (D4) and the 4-hour rule of online cancellation (D3). */
function manageSection(data: NotificationData, lang: Language): EmailBlock[] {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const phone = data.appointment.practicePhone;
  const policy = phone
    ? t('notifications.cancel_policy_phone', { phone: displayPhone(phone) })
    : t('notifications.cancel_policy');
  const links: EmailBlock[] = data.links
    ? [
      { type: 'links', items: [
        { label: t('notifications.link.move'), url: data.links.moveUrl },
        { label: t('notifications.link.cancel'), url: data.links.cancelUrl },
      ] },
      { type: 'paragraph', text: t('notifications.link.private') },
    ]
    : [];
  return [{ type: 'heading', text: t('notifications.manage') }, ...links, { type: 'paragraph', text: policy }];
}

/** D5: where the patient stands once the count is known; the third no-show blocks online booking with that practitioner. */
function noShowCount(data: NotificationData, lang: Language): EmailBlock[] {
  const count = data.noShowCount;
  if (count === undefined || !Number.isInteger(count) || count < 1) return [];
  const text = count >= 3
    ? translate(lang, 'notifications.no_show.blocked')
    : translate(lang, 'notifications.no_show.count', { count });
  return [{ type: 'paragraph', text }];
}

/** The signature, then why this person gets the message. */
function footerSection(data: NotificationData, lang: Language): EmailBlock[] {
  const t = (key: MessageKey) => translate(lang, key);
  const why = data.recipientRole === 'holder'
    ? `${t('notifications.why.holder')} ${t('notifications.my_appointments')}`
    : t('notifications.why.relative');
  return [{ type: 'paragraph', text: t('notifications.signature') }, { type: 'small', text: why }];
}

/** « Dr Jean Martin, Médecin généraliste ». */
export function practitionerLine(a: AppointmentFacts): string {
  return a.specialty ? `${a.practitionerName}, ${a.specialty}` : a.practitionerName;
}

/** « Cabinet du Parc, 12 rue de la Paix, 75002 Paris ». */
export function placeLine(a: AppointmentFacts): string {
  return [a.placeName, a.address, `${a.postalCode} ${a.city}`.trim()].filter((part) => part && part.trim()).join(', ');
}
