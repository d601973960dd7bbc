/** Texts of booking (SPEC C2–C9, D2–D6): refusals, holds, the 8-day rule, cancellation and links. French first. */
export const booking = {
  fr: {
    'booking.refusal.blocked_no_shows':
      'Vous ne pouvez plus prendre rendez-vous en ligne avec ce praticien. Contactez directement le cabinet.',
    'booking.refusal.blocked_by_practice':
      'Vous ne pouvez actuellement pas prendre de rendez-vous en ligne avec ce praticien. Contactez directement le cabinet.',
    'booking.refusal.not_bookable_online':
      'Ce motif ne peut pas être réservé en ligne. Contactez directement le cabinet.',
    'booking.refusal.new_patients_not_accepted':
      'Nous sommes désolés, ce praticien ne prend pas de nouveaux patients pour ce motif.',
    'booking.refusal.identity_mismatch':
      'Nous sommes désolés, ce praticien ne prend pas de nouveaux patients pour ce motif. Si vous êtes déjà suivi(e), '
      + 'les informations du patient (nom, prénom, date de naissance) diffèrent de celles du cabinet : vérifiez-les dans '
      + '« Mon compte » ou contactez le cabinet.',
    'booking.refusal.last_visit_too_old':
      'Votre dernière consultation avec ce praticien remonte à plus de 2 ans : prenez ce rendez-vous par téléphone '
      + 'auprès du cabinet. Le suivant pourra être pris en ligne.',
    'booking.refusal.birth_date_required':
      'Ce motif a des limites d’âge : indiquez la date de naissance du patient pour continuer.',
    'booking.refusal.too_young': 'Nous sommes désolés, ce praticien ne prend pas de patient de moins de {min} ans.',
    'booking.refusal.too_old': 'Nous sommes désolés, ce praticien ne prend pas de patient de plus de {max} ans.',
    'booking.refusal.referral_required':
      'Choisissez dans la liste le praticien qui vous adresse (« Quel est le praticien qui vous adresse ? »).',
    'booking.refusal.instructions_not_accepted':
      'Veuillez lire et accepter les consignes du cabinet (« J’ai lu et j’accepte les consignes »).',
    'booking.hold.expired':
      'Ce créneau ne vous est plus réservé : le délai de 15 minutes est dépassé. Choisissez à nouveau un créneau.',
    'booking.hold.not_yours': 'Ce créneau est réservé pour une autre personne.',
    'booking.slot.taken': 'Ce créneau vient d’être pris. Choisissez-en un autre.',
    'booking.eight_day.conflict':
      'Vous avez déjà un rendez-vous prévu à moins de 8 jours d’écart avec ce praticien ou un praticien de la même '
      + 'spécialité.',
    'booking.eight_day.keep': 'Conserver le rendez-vous initial',
    'booking.eight_day.replace': 'Remplacer par celui en cours',
    'booking.cancel.phone_only':
      'Ce rendez-vous a lieu dans moins de 4 heures : pour l’annuler, contactez directement le cabinet au {phone}.',
    'booking.cancel.past': 'Ce rendez-vous est passé : il ne peut plus être annulé ni déplacé.',
    'booking.link.invalid': 'Ce lien n’est pas valide. Retrouvez votre rendez-vous dans « Mes rendez-vous ».',
    'booking.link.expired': 'Ce lien a expiré. Retrouvez votre rendez-vous dans « Mes rendez-vous ».',
    'booking.confirmation.expired':
      'Le délai de réponse à cette demande de rendez-vous est dépassé : le créneau n’est plus réservé au patient.',
    'booking.confirmation.not_found': 'Cette demande de rendez-vous est introuvable.',
  },
  en: {
    'booking.refusal.blocked_no_shows':
      'You can no longer book online with this practitioner. Please contact the practice directly.',
    'booking.refusal.blocked_by_practice':
      'You cannot currently book online with this practitioner. Please contact the practice directly.',
    'booking.refusal.not_bookable_online':
      'This visit reason cannot be booked online. Please contact the practice directly.',
    'booking.refusal.new_patients_not_accepted':
      'We are sorry, this practitioner does not accept new patients for this visit reason.',
    'booking.refusal.identity_mismatch':
      'We are sorry, this practitioner does not accept new patients for this visit reason. If you are already a patient, '
      + 'the patient’s details (last name, first name, date of birth) differ from the practice’s: check them in '
      + '“My account” or contact the practice.',
    'booking.refusal.last_visit_too_old':
      'Your last visit to this practitioner was more than 2 years ago: please book this appointment by phone with the '
      + 'practice. The next one can be booked online.',
    'booking.refusal.birth_date_required':
      'This visit reason has age limits: enter the patient’s date of birth to continue.',
    'booking.refusal.too_young': 'We are sorry, this practitioner does not see patients under {min} years of age.',
    'booking.refusal.too_old': 'We are sorry, this practitioner does not see patients over {max} years of age.',
    'booking.refusal.referral_required':
      'Choose the referring practitioner from the list (“Which practitioner referred you?”).',
    'booking.refusal.instructions_not_accepted':
      'Please read and accept the practice’s instructions (“I have read and accept the instructions”).',
    'booking.hold.expired':
      'This slot is no longer held for you: the 15 minutes have passed. Please choose a slot again.',
    'booking.hold.not_yours': 'This slot is held for someone else.',
    'booking.slot.taken': 'This slot has just been taken. Please choose another one.',
    'booking.eight_day.conflict':
      'You already have an appointment less than 8 days apart with this practitioner or a practitioner of the same '
      + 'specialty.',
    'booking.eight_day.keep': 'Keep the initial appointment',
    'booking.eight_day.replace': 'Replace it with this one',
    'booking.cancel.phone_only':
      'This appointment is less than 4 hours away: to cancel it, please call the practice at {phone}.',
    'booking.cancel.past': 'This appointment is in the past: it can no longer be cancelled or moved.',
    'booking.link.invalid': 'This link is not valid. Find your appointment in “My appointments”.',
    'booking.link.expired': 'This link has expired. Find your appointment in “My appointments”.',
    'booking.confirmation.expired': 'The time to answer this booking request has passed: the slot is no longer held for the patient.',
    'booking.confirmation.not_found': 'This booking request cannot be found.',
  },
} as const;
