/** The password policy (SPEC A3): one sentence per problem. French first. */
export const passwords = {
  fr: {
    'password.problem.too_short': 'Le mot de passe doit contenir au moins 8 caractères.',
    'password.problem.too_long': 'Le mot de passe ne peut pas dépasser 128 caractères.',
    'password.problem.no_lowercase': 'Ajoutez au moins une lettre minuscule.',
    'password.problem.no_uppercase': 'Ajoutez au moins une lettre majuscule.',
    'password.problem.no_digit': 'Ajoutez au moins un chiffre.',
    'password.problem.no_special': 'Ajoutez au moins un caractère spécial (par exemple ! ? # %).',
    'password.problem.common':
      'Ce mot de passe est trop courant, même avec des chiffres ou des symboles autour. Choisissez-en un moins prévisible, par exemple plusieurs mots sans lien entre eux.',
    'password.problem.contains_personal':
      'Le mot de passe ne doit contenir ni votre nom, ni votre prénom, ni votre adresse email, ni votre date ou année de naissance.',
  },
  en: {
    'password.problem.too_short': 'The password must be at least 8 characters long.',
    'password.problem.too_long': 'The password cannot be longer than 128 characters.',
    'password.problem.no_lowercase': 'Add at least one lower-case letter.',
    'password.problem.no_uppercase': 'Add at least one upper-case letter.',
    'password.problem.no_digit': 'Add at least one digit.',
    'password.problem.no_special': 'Add at least one special character (for example ! ? # %).',
    'password.problem.common':
      'This password is too common, even with digits or symbols around it. Choose a less predictable one, for example several unrelated words.',
    'password.problem.contains_personal':
      'The password must not contain your last name, first name, email address, or date or year of birth.',
  },
} as const;
