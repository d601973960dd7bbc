/**
 * Authentication (SPEC A1, A2, A4): sign-up, phone and email codes, login, sessions, CSRF and rate limits.
 * Account management (Mon compte, relatives, reset) keeps its texts in its own file. French first.
 */
export const accounts = {
  fr: {
    'accounts.error.not_signed_in': 'Connectez-vous pour continuer.',
    'accounts.error.wrong_credentials': 'Adresse email ou mot de passe incorrect.',
    'accounts.error.wrong_code': 'Code incorrect. Il vous reste {attemptsLeft} essais.',
    'accounts.error.wrong_code_last': 'Code incorrect. Il vous reste 1 essai.',
    'accounts.error.code_expired': 'Ce code a expiré ou n’est plus valable : demandez-en un nouveau.',
    'accounts.error.code_format': 'Le code est composé de 6 chiffres.',
    'accounts.error.challenge_not_found': 'Cette demande a expiré. Recommencez depuis le début.',
    'accounts.error.email_taken': 'Un compte existe déjà avec cette adresse email. Connectez-vous ou réinitialisez votre mot de passe.',
    'accounts.error.csrf': 'Requête refusée pour votre sécurité : rechargez la page et réessayez.',
    'accounts.error.too_many_attempts': 'Trop de tentatives. Réessayez dans {minutes} minutes.',
    'accounts.error.too_many_attempts_one': 'Trop de tentatives. Réessayez dans 1 minute.',
    'accounts.error.phone_00': 'Saisissez le numéro au format international, par exemple +33 6 12 34 56 78.',
    'accounts.error.phone_invalid': 'Ce numéro de téléphone n’est pas valide.',
    'accounts.error.phone_not_callable': 'Ce numéro ne peut recevoir ni SMS ni appel : saisissez un numéro de mobile ou de fixe.',
    'accounts.error.email_invalid': 'Saisissez une adresse email valide, par exemple nom@exemple.fr.',
    'accounts.error.emails_differ': 'Les deux adresses email ne sont pas identiques.',
    'accounts.error.terms_required': 'Acceptez les conditions générales d’utilisation pour créer votre compte.',
    'accounts.error.privacy_required': 'Acceptez la politique de protection des données pour créer votre compte.',
    'accounts.error.password_required': 'Saisissez votre mot de passe.',
    'accounts.error.channel_unavailable': 'Ce moyen d’envoi n’est pas disponible pour ce numéro.',
  },
  en: {
    'accounts.error.not_signed_in': 'Log in to continue.',
    'accounts.error.wrong_credentials': 'Wrong email address or password.',
    'accounts.error.wrong_code': 'Wrong code. You have {attemptsLeft} tries left.',
    'accounts.error.wrong_code_last': 'Wrong code. You have 1 try left.',
    'accounts.error.code_expired': 'This code has expired or is no longer valid: ask for a new one.',
    'accounts.error.code_format': 'The code is made of 6 digits.',
    'accounts.error.challenge_not_found': 'This request has expired. Please start again.',
    'accounts.error.email_taken': 'An account already exists with this email address. Log in or reset your password.',
    'accounts.error.csrf': 'Request refused for your security: reload the page and try again.',
    'accounts.error.too_many_attempts': 'Too many attempts. Try again in {minutes} minutes.',
    'accounts.error.too_many_attempts_one': 'Too many attempts. Try again in 1 minute.',
    'accounts.error.phone_00': 'Type the number in international format, for example +33 6 12 34 56 78.',
    'accounts.error.phone_invalid': 'This phone number is not valid.',
    'accounts.error.phone_not_callable': 'This number can receive neither text messages nor calls: type a mobile or landline number.',
    'accounts.error.email_invalid': 'Type a valid email address, for example name@example.com.',
    'accounts.error.emails_differ': 'The two email addresses are not the same.',
    'accounts.error.terms_required': 'Accept the terms of use to create your account.',
    'accounts.error.privacy_required': 'Accept the data protection policy to create your account.',
    'accounts.error.password_required': 'Type your password.',
    'accounts.error.channel_unavailable': 'This way of sending is not available for this number.',
  },
} as const;

/** The messages carrying a code (SMS, voice call, email): sent by the server only, not in the web bundle. */
export const accountCodes = {
  fr: {
    'accounts.code.sms': 'Créneau : votre code est {code}. Il expire dans 15 minutes. Ne le communiquez à personne.',
    'accounts.code.voice': 'Bonjour, ici Créneau. Votre code est : {digits}. Je répète : {digits}. Ce code expire dans 15 minutes.',
    'accounts.code.email.subject.login': 'Votre code de connexion Créneau',
    'accounts.code.email.subject.change': 'Confirmez votre adresse email sur Créneau',
    'accounts.code.email.intro.login': 'Pour vous connecter à Créneau, saisissez ce code :',
    'accounts.code.email.intro.change': 'Pour confirmer votre nouvelle adresse email sur Créneau, saisissez ce code :',
    'accounts.code.email.validity': 'Il est valable 15 minutes. Ne le communiquez à personne : Créneau ne vous le demandera jamais par téléphone.',
    'accounts.code.email.ignore': 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message et changez votre mot de passe.',
  },
  en: {
    'accounts.code.sms': 'Créneau: your code is {code}. It expires in 15 minutes. Never share it.',
    'accounts.code.voice': 'Hello, this is Créneau. Your code is: {digits}. I repeat: {digits}. This code expires in 15 minutes.',
    'accounts.code.email.subject.login': 'Your Créneau login code',
    'accounts.code.email.subject.change': 'Confirm your email address on Créneau',
    'accounts.code.email.intro.login': 'To log in to Créneau, type this code:',
    'accounts.code.email.intro.change': 'To confirm your new email address on Créneau, type this code:',
    'accounts.code.email.validity': 'It is valid for 15 minutes. Never share it: Créneau will never ask you for it on the phone.',
    'accounts.code.email.ignore': 'If you did not make this request, ignore this message and change your password.',
  },
} as const;
