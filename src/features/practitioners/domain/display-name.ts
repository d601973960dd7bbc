/** How a practitioner is named to patients: « Dr Hélène Dupont », « Pr Jean Martin », « Claire Petit ». */
export interface NamedPractitioner {
  title: 'DR' | 'PR' | null;
  firstName: string;
  lastName: string;
}

const titleLabel = { DR: 'Dr', PR: 'Pr' } as const;

/** The public name, with the academic title when the practitioner has one (same in French and English). */
export function practitionerDisplayName({ title, firstName, lastName }: NamedPractitioner): string {
  const name = `${firstName} ${lastName}`;
  return title ? `${titleLabel[title]} ${name}` : name;
}
