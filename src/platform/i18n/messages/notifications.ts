/**
 * Texts of appointment messages (SPEC E1–E6, A7, D2–D5): confirmation, reminders, move, cancellation, no-show emails
 * and reminder SMS. French first. SMS texts are written to stay in the GSM 7-bit alphabet once typographic
 * apostrophes are made straight (notifications/domain/sms.ts): no ç, ê, « » in them.
 */
export const notifications = {
  fr: {
    'notifications.date': '{weekday} {day} {month} {year}',
    'notifications.date_time': '{date} à {time}',
    'notifications.paris_time': '{dateTime} (heure de Paris)',
    'notifications.fact_line': '{label} : {value}',
    'notifications.greeting': 'Bonjour,',
    'notifications.signature': 'L’équipe Créneau',
    'notifications.details': 'Détails du rendez-vous',
    'notifications.fact.when': 'Date et heure',
    'notifications.fact.practitioner': 'Praticien',
    'notifications.fact.place': 'Lieu',
    'notifications.fact.reason': 'Motif',
    'notifications.fact.patient': 'Patient',
    'notifications.fact.phone': 'Téléphone du cabinet',
    'notifications.manage': 'Déplacer ou annuler',
    'notifications.link.move': 'Déplacer le rendez-vous',
    'notifications.link.cancel': 'Annuler le rendez-vous',
    'notifications.link.private': 'Ces liens fonctionnent sans vous connecter : ne transférez pas ce message.',
    'notifications.cancel_policy': 'Annulation en ligne possible jusqu’à 4 heures avant le rendez-vous ; ensuite, appelez le cabinet.',
    'notifications.cancel_policy_phone':
      'Annulation en ligne possible jusqu’à 4 heures avant le rendez-vous ; ensuite, appelez le cabinet au {phone}.',
    'notifications.my_appointments': 'Vous retrouvez aussi ce rendez-vous dans « Mes rendez-vous » sur Créneau.',
    'notifications.why.holder': 'Vous recevez ce message car ce rendez-vous a été pris depuis votre compte Créneau.',
    'notifications.why.relative':
      'Vous recevez ce message car ce rendez-vous a été pris pour vous sur Créneau et que votre adresse email y est indiquée.',
    'notifications.calendar.filename': 'rendez-vous.ics',
    'notifications.calendar.summary': 'Rendez-vous avec {practitioner}',
    'notifications.calendar.manage': 'Pour déplacer ou annuler : les liens de vos emails Créneau ou « Mes rendez-vous ».',
    'notifications.calendar.add':
      'Le fichier joint {filename} ajoute ce rendez-vous à votre agenda (Google Agenda, Calendrier d’Apple, Outlook…).',
    'notifications.calendar.update': 'Le fichier joint {filename} met à jour ce rendez-vous dans votre agenda.',
    'notifications.calendar.remove': 'Le fichier joint {filename} retire ce rendez-vous de votre agenda.',

    'notifications.confirmation.subject': 'Rendez-vous confirmé le {dateTime} avec {practitioner}',
    'notifications.confirmation.title': 'Votre rendez-vous est confirmé',
    'notifications.confirmation.intro': 'Votre rendez-vous avec {practitioner} est bien enregistré.',

    'notifications.reminder.subject': 'Rappel : rendez-vous le {dateTime} avec {practitioner}',
    'notifications.reminder.title': 'Rappel de votre rendez-vous',
    'notifications.reminder.intro': 'Nous vous rappelons votre rendez-vous avec {practitioner}.',
    'notifications.reminder.free_slot':
      'Vous ne pourrez pas venir ? Annulez dès que possible : le créneau sera proposé à d’autres patients.',

    'notifications.moved.subject': 'Rendez-vous déplacé au {dateTime} avec {practitioner}',
    'notifications.moved.title': 'Votre rendez-vous a été déplacé',
    'notifications.moved.intro': 'Votre rendez-vous avec {practitioner} a désormais lieu le {dateTime}.',
    'notifications.moved.previous': 'Il était prévu le {dateTime} : cet horaire ne vous est plus réservé.',

    'notifications.cancelled.subject': 'Rendez-vous annulé : {dateTime} avec {practitioner}',
    'notifications.cancelled.title': 'Votre rendez-vous est annulé',
    'notifications.cancelled.intro': 'Le rendez-vous avec {practitioner} du {dateTime} est annulé.',
    'notifications.cancelled.rebook':
      'Pour prendre un autre rendez-vous, retrouvez le praticien sur Créneau ou appelez le cabinet.',

    'notifications.no_show.subject': 'Vous avez manqué votre dernier rendez-vous ?',
    'notifications.no_show.title': 'Vous avez manqué votre dernier rendez-vous ?',
    'notifications.no_show.intro':
      'Le cabinet de {practitioner} a déclaré une absence non excusée au rendez-vous de {patient} du {dateTime}.',
    'notifications.no_show.reassure':
      'Rassurez-vous, ce message est préventif : vous pouvez toujours prendre rendez-vous avec ce praticien comme avec d’autres.',
    'notifications.no_show.rule':
      'Au bout de trois absences non excusées déclarées par le même praticien, la prise de rendez-vous en ligne n’est plus '
      + 'possible avec ce praticien seulement. Vous pourrez toujours l’appeler pour prendre rendez-vous ou lui demander de vous débloquer.',
    'notifications.no_show.count': 'Absences non excusées déclarées par ce praticien : {count} sur 3.',
    'notifications.no_show.blocked':
      'C’est la troisième : la prise de rendez-vous en ligne avec ce praticien est désormais bloquée. Appelez le cabinet '
      + 'pour prendre rendez-vous ou demander à être débloqué.',
    'notifications.no_show.dispute':
      'Si cette absence ne vous semble pas justifiée, appelez le cabinet pour en parler : seuls le praticien et son équipe peuvent l’effacer.',

    'notifications.sms.date_time': '{weekday} {dayMonth} à {time}',
    'notifications.sms.reminder': 'Rappel : RDV avec {practitioner} le {dateTime}.',
    'notifications.sms.reminder_for': 'Rappel : RDV de {patient} avec {practitioner} le {dateTime}.',
    'notifications.sms.cancel': 'Annuler : {url}',
    'notifications.sms.move': 'Déplacer : {url}',
    'notifications.sms.phone': 'Cabinet : {phone}',
  },
  en: {
    'notifications.date': '{weekday} {day} {month} {year}',
    'notifications.date_time': '{date} at {time}',
    'notifications.paris_time': '{dateTime} (Paris time)',
    'notifications.fact_line': '{label}: {value}',
    'notifications.greeting': 'Hello,',
    'notifications.signature': 'The Créneau team',
    'notifications.details': 'Appointment details',
    'notifications.fact.when': 'Date and time',
    'notifications.fact.practitioner': 'Practitioner',
    'notifications.fact.place': 'Place',
    'notifications.fact.reason': 'Reason for visit',
    'notifications.fact.patient': 'Patient',
    'notifications.fact.phone': 'Practice phone',
    'notifications.manage': 'Move or cancel',
    'notifications.link.move': 'Move the appointment',
    'notifications.link.cancel': 'Cancel the appointment',
    'notifications.link.private': 'These links work without signing in: do not forward this message.',
    'notifications.cancel_policy': 'You can cancel online until 4 hours before the appointment; after that, please call the practice.',
    'notifications.cancel_policy_phone':
      'You can cancel online until 4 hours before the appointment; after that, please call the practice on {phone}.',
    'notifications.my_appointments': 'This appointment is also in “My appointments” on Créneau.',
    'notifications.why.holder': 'You are receiving this message because this appointment was booked from your Créneau account.',
    'notifications.why.relative':
      'You are receiving this message because this appointment was booked for you on Créneau with your email address.',
    'notifications.calendar.filename': 'appointment.ics',
    'notifications.calendar.summary': 'Appointment with {practitioner}',
    'notifications.calendar.manage': 'To move or cancel: the links in your Créneau emails or “My appointments”.',
    'notifications.calendar.add':
      'The attached file {filename} adds this appointment to your calendar (Google Calendar, Apple Calendar, Outlook…).',
    'notifications.calendar.update': 'The attached file {filename} updates this appointment in your calendar.',
    'notifications.calendar.remove': 'The attached file {filename} removes this appointment from your calendar.',

    'notifications.confirmation.subject': 'Appointment confirmed on {dateTime} with {practitioner}',
    'notifications.confirmation.title': 'Your appointment is confirmed',
    'notifications.confirmation.intro': 'Your appointment with {practitioner} is booked.',

    'notifications.reminder.subject': 'Reminder: appointment on {dateTime} with {practitioner}',
    'notifications.reminder.title': 'Appointment reminder',
    'notifications.reminder.intro': 'This is a reminder of your appointment with {practitioner}.',
    'notifications.reminder.free_slot':
      'Can’t make it? Please cancel as early as you can: the slot will be offered to other patients.',

    'notifications.moved.subject': 'Appointment moved to {dateTime} with {practitioner}',
    'notifications.moved.title': 'Your appointment has been moved',
    'notifications.moved.intro': 'Your appointment with {practitioner} now takes place on {dateTime}.',
    'notifications.moved.previous': 'It was planned on {dateTime}: that time is no longer held for you.',

    'notifications.cancelled.subject': 'Appointment cancelled: {dateTime} with {practitioner}',
    'notifications.cancelled.title': 'Your appointment is cancelled',
    'notifications.cancelled.intro': 'The appointment with {practitioner} on {dateTime} is cancelled.',
    'notifications.cancelled.rebook': 'To book another appointment, find the practitioner on Créneau or call the practice.',

    'notifications.no_show.subject': 'Did you miss your last appointment?',
    'notifications.no_show.title': 'Did you miss your last appointment?',
    'notifications.no_show.intro':
      'The practice of {practitioner} has declared an unexcused absence at the appointment of {patient} on {dateTime}.',
    'notifications.no_show.reassure':
      'Rest assured, this message is only a warning: you can still book with this practitioner and with others.',
    'notifications.no_show.rule':
      'After three unexcused absences declared by the same practitioner, online booking is no longer possible with that '
      + 'practitioner only. You can still call the practice to book, or ask it to unblock you.',
    'notifications.no_show.count': 'Unexcused absences declared by this practitioner: {count} of 3.',
    'notifications.no_show.blocked':
      'This is the third: online booking with this practitioner is now blocked. Please call the practice to book or to ask '
      + 'to be unblocked.',
    'notifications.no_show.dispute':
      'If you think this absence is not justified, please call the practice to talk about it: only the practitioner and '
      + 'their team can remove it.',

    'notifications.sms.date_time': '{weekday} {dayMonth} at {time}',
    'notifications.sms.reminder': 'Reminder: appointment with {practitioner} on {dateTime}.',
    'notifications.sms.reminder_for': 'Reminder: appointment of {patient} with {practitioner} on {dateTime}.',
    'notifications.sms.cancel': 'Cancel: {url}',
    'notifications.sms.move': 'Move: {url}',
    'notifications.sms.phone': 'Practice: {phone}',
  },
} as const;
