/** The practitioner space's logins (issue 6): staff sessions, rights, invitations, secretaries. French first. */
export const practiceAuth = {
  fr: {
    'practice_auth.error.not_signed_in': 'Connectez-vous à l’espace praticien.',
    'practice_auth.error.right_missing': 'Votre accès ne permet pas cette action pour ce praticien.',
    'practice_auth.error.invitation_gone': 'Ce lien d’invitation a expiré ou a déjà servi. Demandez-en un nouveau.',
    'practice_auth.error.already_granted': 'Cette personne a déjà accès à votre agenda : modifiez ses droits.',
    'practice_auth.error.email_of_practitioner': 'Cette adresse est celle d’un compte praticien : invitez une autre adresse.',
    'practice_auth.error.email_in_use': 'Cette adresse est déjà celle d’un autre accès à l’espace praticien.',
    'practice_auth.error.no_phone': 'Aucun téléphone n’est enregistré pour cet accès : recevez le code par email.',
    'practice_auth.error.right_unknown': 'Droit inconnu : choisissez parmi consulter, prendre rendez-vous, gérer les patients, modifier les réglages.',
    'practice_auth.error.name_required': 'Saisissez le prénom et le nom.',
    'practice_auth.error.token_required': 'Le lien d’invitation est incomplet : ouvrez-le à nouveau depuis l’email.',

    'practice_auth.invitation.subject': 'Votre accès à l’espace praticien Créneau',
    'practice_auth.invitation.text':
      'Bonjour {firstName},\n\n{inviter} vous invite à utiliser l’espace praticien Créneau. Choisissez votre mot de passe avec ce lien, valable 7 jours :\n{link}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.',
    'practice_auth.invitation.button': 'Choisir mon mot de passe',
    'practice_auth.grant.subject': 'Nouvel agenda dans votre espace praticien Créneau',
    'practice_auth.grant.text':
      'Bonjour {firstName},\n\n{inviter} vous a donné accès à son agenda. Il apparaît dans votre espace praticien Créneau, avec votre adresse et votre mot de passe habituels :\n{link}',
    'practice_auth.grant.button': 'Ouvrir l’espace praticien',
  },
  en: {
    'practice_auth.error.not_signed_in': 'Log in to the practitioner space.',
    'practice_auth.error.right_missing': 'Your access does not allow this action for this practitioner.',
    'practice_auth.error.invitation_gone': 'This invitation link has expired or was already used. Ask for a new one.',
    'practice_auth.error.already_granted': 'This person already has access to your calendar: change their rights instead.',
    'practice_auth.error.email_of_practitioner': 'This address belongs to a practitioner login: invite another address.',
    'practice_auth.error.email_in_use': 'This address already belongs to another practitioner space login.',
    'practice_auth.error.no_phone': 'No phone number is on file for this login: get the code by email.',
    'practice_auth.error.right_unknown': 'Unknown right: choose among view, book, manage patients, edit settings.',
    'practice_auth.error.name_required': 'Enter the first and last name.',
    'practice_auth.error.token_required': 'The invitation link is incomplete: open it again from the email.',

    'practice_auth.invitation.subject': 'Your access to the Créneau practitioner space',
    'practice_auth.invitation.text':
      'Hello {firstName},\n\n{inviter} invites you to use the Créneau practitioner space. Choose your password with this link, valid for 7 days:\n{link}\n\nIf you were not expecting this invitation, ignore this message.',
    'practice_auth.invitation.button': 'Choose my password',
    'practice_auth.grant.subject': 'A new calendar in your Créneau practitioner space',
    'practice_auth.grant.text':
      'Hello {firstName},\n\n{inviter} gave you access to their calendar. It is in your Créneau practitioner space, with your usual address and password:\n{link}',
    'practice_auth.grant.button': 'Open the practitioner space',
  },
} as const;
