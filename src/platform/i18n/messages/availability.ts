/** Availability calendar (SPEC C1, B7): errors of GET /api/practitioners/:id/availability. French first. */
export const availability = {
  fr: {
    'availability.error.place_or_reason_not_found': 'Ce lieu de consultation ou ce motif n’existe pas chez ce praticien.',
    'availability.error.reason_not_bookable_online': 'Ce motif ne se réserve pas en ligne : veuillez contacter le cabinet.',
    'availability.error.no_online_booking': 'Aucune disponibilité en ligne : ce praticien ne propose pas la prise de rendez-vous en ligne.',
    'availability.error.missing': 'Le paramètre « {field} » est obligatoire.',
    'availability.error.invalid_id': 'Le paramètre « {field} » doit être un identifiant numérique.',
    'availability.error.invalid_from': 'La date « from » doit être une date réelle au format AAAA-MM-JJ, par exemple 2026-03-02.',
    'availability.error.from_too_far': 'La date « from » ne peut pas dépasser d’un an la date du jour (au plus tard le {max}).',
    'availability.error.invalid_days': 'Le nombre de jours « days » doit être un nombre entier de 1 à 28.',
  },
  en: {
    'availability.error.place_or_reason_not_found': 'This place of consultation or visit reason does not exist for this practitioner.',
    'availability.error.reason_not_bookable_online': 'This visit reason cannot be booked online: please contact the practice.',
    'availability.error.no_online_booking': 'No online availability: this practitioner does not offer online booking.',
    'availability.error.missing': 'The parameter “{field}” is required.',
    'availability.error.invalid_id': 'The parameter “{field}” must be a numeric identifier.',
    'availability.error.invalid_from': 'The date “from” must be a real date written YYYY-MM-DD, for example 2026-03-02.',
    'availability.error.from_too_far': 'The date “from” cannot be more than one year after today (at the latest {max}).',
    'availability.error.invalid_days': 'The number of days “days” must be a whole number from 1 to 28.',
  },
} as const;
