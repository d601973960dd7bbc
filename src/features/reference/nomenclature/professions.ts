/** Health professions (ANS nomenclature TRE_G15 « Profession de santé ») that patients can book. */

export type ProfessionKind = 'doctor' | 'dentist' | 'midwife' | 'auxiliary';

export interface Profession {
  /** TRE_G15 code. */
  code: string;
  label_fr: string;
  label_en: string;
  kind: ProfessionKind;
  /** Percent of the base tariff the Sécurité sociale reimburses within the coordinated care pathway (SPEC B6). */
  reimbursement_rate: 70 | 60;
}

// Codes from the ANS TRE_G15 table as we remember it (no internet when this was written): 10, 40, 50, 60, 70, 80, 91, 92
// are well known; '93' Psychologue is our best recollection (psychologists are not auxiliaires médicaux, but the
// « Mon soutien psy » scheme reimburses their sessions at 60 %, so we class them with the auxiliaries).
export const PROFESSIONS = [
  { code: '10', label_fr: 'Médecin', label_en: 'Doctor', kind: 'doctor', reimbursement_rate: 70 },
  { code: '40', label_fr: 'Chirurgien-dentiste', label_en: 'Dental surgeon', kind: 'dentist', reimbursement_rate: 70 },
  { code: '50', label_fr: 'Sage-femme', label_en: 'Midwife', kind: 'midwife', reimbursement_rate: 70 },
  { code: '60', label_fr: 'Infirmier', label_en: 'Nurse', kind: 'auxiliary', reimbursement_rate: 60 },
  { code: '70', label_fr: 'Masseur-kinésithérapeute', label_en: 'Physiotherapist', kind: 'auxiliary', reimbursement_rate: 60 },
  { code: '80', label_fr: 'Pédicure-podologue', label_en: 'Podiatrist', kind: 'auxiliary', reimbursement_rate: 60 },
  { code: '91', label_fr: 'Orthophoniste', label_en: 'Speech therapist', kind: 'auxiliary', reimbursement_rate: 60 },
  { code: '92', label_fr: 'Orthoptiste', label_en: 'Orthoptist', kind: 'auxiliary', reimbursement_rate: 60 },
  { code: '93', label_fr: 'Psychologue', label_en: 'Psychologist', kind: 'auxiliary', reimbursement_rate: 60 },
] as const satisfies readonly Profession[];

export type ProfessionCode = (typeof PROFESSIONS)[number]['code'];
