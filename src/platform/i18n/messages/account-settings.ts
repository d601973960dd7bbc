/** Texts of « Mon compte » (A6), « Mes proches » (A7) and password reset (A5): errors and emails. French first. */
export const accountSettings = {
  fr: {
    'myaccount.error.birth_date_invalid': 'Saisissez une date de naissance valide (jour, mois, année).',
    'myaccount.error.birth_date_future': 'La date de naissance ne peut pas être dans le futur.',
    'myaccount.error.birth_date_too_old': 'La date de naissance est trop ancienne (plus de 120 ans).',
    'myaccount.error.first_name_required': 'Saisissez le prénom.',
    'myaccount.error.last_name_required': 'Saisissez le nom.',
    'myaccount.error.name_too_long': 'Le nom ou le prénom est trop long (100 caractères au plus).',
    'myaccount.error.name_invalid': 'Le nom ou le prénom contient des caractères non autorisés.',
    'myaccount.error.civility_invalid': 'Choisissez « Madame » ou « Monsieur ».',
    'myaccount.error.address_incomplete': "Saisissez l'adresse complète : numéro et rue, code postal et ville.",
    'myaccount.error.address_too_long': "L'adresse est trop longue.",
    'myaccount.error.postal_code_french': 'Le code postal doit comporter 5 chiffres.',
    'myaccount.error.postal_code_unknown': "Ce code postal n'existe pas en France.",
    'myaccount.error.postal_code_invalid': 'Le code postal est invalide.',
    'myaccount.error.language_invalid': 'Choisissez le français ou l’anglais.',
    'myaccount.error.email_invalid': 'Saisissez une adresse email valide, par exemple nom@exemple.fr.',
    'myaccount.error.emails_differ': 'Les deux adresses email ne sont pas identiques.',
    'myaccount.error.email_unchanged': "C'est déjà l'adresse email de votre compte.",
    'myaccount.error.email_taken': 'Cette adresse email est déjà utilisée par un autre compte.',
    'myaccount.error.phone_invalid': "Ce numéro de téléphone n'est pas valide.",
    'myaccount.error.phone_prefix_00': 'Saisissez le numéro au format international, par exemple +33 6 12 34 56 78',
    'myaccount.error.phone_not_callable': 'Ce numéro ne peut recevoir ni SMS ni appel : saisissez un numéro de mobile ou de fixe.',
    'myaccount.error.phone_unchanged': "C'est déjà le numéro de votre compte.",
    'myaccount.error.wrong_password': 'Mot de passe incorrect.',
    'myaccount.error.password_required': 'Saisissez votre mot de passe.',
    'myaccount.error.same_password': "Choisissez un mot de passe différent de l'actuel.",
    'myaccount.error.upcoming_appointments':
      'Vous avez des rendez-vous à venir. Annulez-les dans « Mes rendez-vous » (ou appelez le cabinet s’il reste moins de 4 heures), puis supprimez votre compte.',
    'relatives.error.not_found': 'Ce proche est introuvable.',
    'relatives.error.contact_for_minor':
      "Un proche mineur ne peut pas avoir sa propre adresse email ni son propre numéro : les messages sont envoyés au titulaire du compte.",
    'relatives.error.too_many': 'Vous ne pouvez pas enregistrer plus de {max} proches.',
    'password_reset.accepted':
      "Si un compte correspond à ces informations, un email vient d'être envoyé avec un lien valable 30 minutes. Pensez à vérifier vos courriers indésirables.",
    'password_reset.error.link_gone': 'Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau.',
  },
  en: {
    'myaccount.error.birth_date_invalid': 'Enter a valid date of birth (day, month, year).',
    'myaccount.error.birth_date_future': 'The date of birth cannot be in the future.',
    'myaccount.error.birth_date_too_old': 'The date of birth is too far back (more than 120 years).',
    'myaccount.error.first_name_required': 'Enter the first name.',
    'myaccount.error.last_name_required': 'Enter the last name.',
    'myaccount.error.name_too_long': 'The first or last name is too long (100 characters at most).',
    'myaccount.error.name_invalid': 'The first or last name contains characters that are not allowed.',
    'myaccount.error.civility_invalid': 'Choose “Ms” or “Mr”.',
    'myaccount.error.address_incomplete': 'Enter the full address: street, postal code and city.',
    'myaccount.error.address_too_long': 'The address is too long.',
    'myaccount.error.postal_code_french': 'The postal code must have 5 digits.',
    'myaccount.error.postal_code_unknown': 'This postal code does not exist in France.',
    'myaccount.error.postal_code_invalid': 'The postal code is invalid.',
    'myaccount.error.language_invalid': 'Choose French or English.',
    'myaccount.error.email_invalid': 'Enter a valid email address, for example name@example.com.',
    'myaccount.error.emails_differ': 'The two email addresses do not match.',
    'myaccount.error.email_unchanged': 'This is already your account’s email address.',
    'myaccount.error.email_taken': 'This email address is already used by another account.',
    'myaccount.error.phone_invalid': 'This phone number is not valid.',
    'myaccount.error.phone_prefix_00': 'Type the number in international format, for example +33 6 12 34 56 78',
    'myaccount.error.phone_not_callable': 'This number can receive neither a text nor a call: enter a mobile or landline number.',
    'myaccount.error.phone_unchanged': 'This is already your account’s phone number.',
    'myaccount.error.wrong_password': 'Incorrect password.',
    'myaccount.error.password_required': 'Enter your password.',
    'myaccount.error.same_password': 'Choose a password different from the current one.',
    'myaccount.error.upcoming_appointments':
      'You have upcoming appointments. Cancel them in “My appointments” (or call the practice if less than 4 hours remain), then delete your account.',
    'relatives.error.not_found': 'This relative cannot be found.',
    'relatives.error.contact_for_minor':
      'A minor relative cannot have their own email address or phone number: messages go to the account holder.',
    'relatives.error.too_many': 'You cannot register more than {max} relatives.',
    'password_reset.accepted':
      'If an account matches these details, an email has just been sent with a link valid for 30 minutes. Check your spam folder too.',
    'password_reset.error.link_gone': 'This link has expired or has already been used. Ask for a new one.',
  },
} as const;

/** The password-reset email and the security notices: sent by the server only, not in the web bundle. */
export const accountEmails = {
  fr: {
    'password_reset.email.subject': 'Réinitialisez votre mot de passe Créneau',
    'password_reset.email.text':
      "Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 30 minutes, utilisable une seule fois) :\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez cet email : votre mot de passe reste inchangé.\n\nL'équipe Créneau",
    'password_reset.email.button': 'Choisir un nouveau mot de passe',
    'notice.email_changed.subject': 'L’adresse email de votre compte Créneau a été modifiée',
    'notice.email_changed.text':
      "Bonjour,\n\nL'adresse email de votre compte Créneau vient d'être remplacée par {newEmail}. Les prochains emails seront envoyés à cette adresse.\n\nSi vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe (« Mot de passe oublié ? ») et contactez-nous.\n\nL'équipe Créneau",
    'notice.password_changed.subject': 'Le mot de passe de votre compte Créneau a été modifié',
    'notice.password_changed.text':
      "Bonjour,\n\nLe mot de passe de votre compte Créneau vient d'être modifié et vos autres appareils ont été déconnectés.\n\nSi vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe (« Mot de passe oublié ? ») sans attendre.\n\nL'équipe Créneau",
  },
  en: {
    'password_reset.email.subject': 'Reset your Créneau password',
    'password_reset.email.text':
      "Hello,\n\nTo choose a new password, open this link (valid for 30 minutes, single use):\n{link}\n\nIf you did not ask for this, ignore this email: your password stays unchanged.\n\nThe Créneau team",
    'password_reset.email.button': 'Choose a new password',
    'notice.email_changed.subject': 'The email address of your Créneau account was changed',
    'notice.email_changed.text':
      "Hello,\n\nThe email address of your Créneau account has just been replaced by {newEmail}. Future emails will be sent there.\n\nIf you did not make this change, reset your password (“Forgot your password?”) and contact us.\n\nThe Créneau team",
    'notice.password_changed.subject': 'The password of your Créneau account was changed',
    'notice.password_changed.text':
      "Hello,\n\nThe password of your Créneau account has just been changed and your other devices were signed out.\n\nIf you did not make this change, reset your password (“Forgot your password?”) right away.\n\nThe Créneau team",
  },
} as const;
