/** Texts shared by every feature: errors, generic labels. French first. */
export const common = {
  fr: {
    'error.invalid_input': 'La requête est invalide : {details}',
    'error.not_found': 'Page ou ressource introuvable.',
    'error.internal': 'Une erreur inattendue est survenue. Veuillez réessayer plus tard.',
    'error.too_many_requests': 'Trop de requêtes. Veuillez patienter un instant.',
    'error.field_too_long': 'Le champ « {field} » est trop long.',
    'error.field_invalid': 'Le champ « {field} » est invalide.',
    'app.name': 'Créneau',
  },
  en: {
    'error.invalid_input': 'The request is invalid: {details}',
    'error.not_found': 'Page or resource not found.',
    'error.internal': 'An unexpected error occurred. Please try again later.',
    'error.too_many_requests': 'Too many requests. Please wait a moment.',
    'error.field_too_long': 'The field “{field}” is too long.',
    'error.field_invalid': 'The field “{field}” is invalid.',
    'app.name': 'Créneau',
  },
} as const;
