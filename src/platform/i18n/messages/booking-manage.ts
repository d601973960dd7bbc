/** Texts of managing appointments (SPEC D1–D6, A8) and of the practice-side API (D5). French first. */
export const bookingManage = {
  fr: {
    'booking.manage.cancelled': 'Ce rendez-vous est annulé : il ne peut plus être déplacé.',
    'booking.move.too_late':
      'Ce rendez-vous a lieu dans moins de 4 heures : pour le déplacer, contactez directement le cabinet au {phone}.',
    'booking.move.other_practitioner':
      'Le nouveau créneau doit être pris avec le même praticien. Choisissez un créneau dans son agenda.',
    'booking.cancel.no_phone': 'le numéro indiqué sur sa fiche',
    'booking.link.used':
      'Ce rendez-vous a déjà été déplacé ou annulé : ce lien n’est plus valable. Retrouvez vos rendez-vous dans '
      + '« Mes rendez-vous ».',
    'booking.link.wrong_purpose': 'Ce lien ne permet pas cette action. Utilisez l’autre lien du message.',
    'care_team.not_member': 'Ce praticien ne fait pas partie de votre équipe soignante.',
    'practice.error.token_required':
      'Un jeton d’accès du cabinet valide est requis (en-tête « Authorization: Bearer … »).',
    'practice.error.not_started': 'Ce rendez-vous n’a pas encore commencé : il ne peut pas être déclaré manqué.',
    'practice.error.cancelled': 'Ce rendez-vous a été annulé : il ne peut pas être déclaré manqué.',
  },
  en: {
    'booking.manage.cancelled': 'This appointment is cancelled: it can no longer be moved.',
    'booking.move.too_late':
      'This appointment is less than 4 hours away: to move it, please call the practice at {phone}.',
    'booking.move.other_practitioner':
      'The new slot must be with the same practitioner. Please choose a slot in their calendar.',
    'booking.cancel.no_phone': 'the number shown on their page',
    'booking.link.used':
      'This appointment has already been moved or cancelled: this link is no longer valid. Find your appointments in '
      + '“My appointments”.',
    'booking.link.wrong_purpose': 'This link does not allow this action. Please use the other link in the message.',
    'care_team.not_member': 'This practitioner is not part of your care team.',
    'practice.error.token_required': 'A valid practice access token is required (header “Authorization: Bearer …”).',
    'practice.error.not_started': 'This appointment has not started yet: it cannot be declared missed.',
    'practice.error.cancelled': 'This appointment was cancelled: it cannot be declared missed.',
  },
} as const;
