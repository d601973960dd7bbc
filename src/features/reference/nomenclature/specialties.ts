/**
 * Specialties patients search for: doctors' specialties (ANS nomenclature TRE_R38) and one pseudo-specialty
 * `G15_<profession>` per other profession. Labels are our own public wording, as patients type them.
 */
import type { ProfessionCode } from './professions.ts';

/** Typical 2025 tariffs, for the demo generator and for reimbursement examples (B6). Integer cents. */
export interface SpecialtyFees {
  /** Base tariff of a consultation in sector 1 / « conventionné » (what the Sécurité sociale reimburses on). */
  base_cents: number;
  /** Teleconsultation tariff, or null when the specialty does not consult by video. */
  video_cents: number | null;
  /** Typical overrun (dépassement) charged in sector 2, [min, max]; [0, 0] where overruns are not practised. */
  sector2_overrun_cents: readonly [number, number];
}

export interface Specialty {
  /** TRE_R38 code (e.g. 'SM38') or 'G15_<profession code>' for non-doctors. */
  code: string;
  profession_code: ProfessionCode;
  label_fr: string;
  label_en: string;
  slug: string;
  /** SPEC C6: no two appointments less than 8 days apart within this specialty. */
  eight_day_rule: boolean;
  fees: SpecialtyFees;
  /** Typical length of a consultation. */
  duration_minutes: number;
  /** Relative frequency among practitioners in private practice (roughly thousands of practitioners in France). */
  weight: number;
}

/** A doctor's specialty; most specialists see patients by video at the consultation tariff. */
function doctor(
  code: string, label_fr: string, label_en: string, slug: string, base_cents: number,
  overrun: readonly [number, number], duration_minutes: number, weight: number,
  options: { eight_day_rule?: boolean; video_cents?: number | null } = {},
): Specialty {
  return {
    code, profession_code: '10', label_fr, label_en, slug, eight_day_rule: options.eight_day_rule ?? false,
    fees: { base_cents, video_cents: options.video_cents === undefined ? base_cents : options.video_cents, sector2_overrun_cents: overrun },
    duration_minutes, weight,
  };
}

/** The single pseudo-specialty of a non-doctor profession; these are « conventionnés » without overruns. */
function profession(
  profession_code: ProfessionCode, label_fr: string, label_en: string, slug: string, base_cents: number,
  video_cents: number | null, duration_minutes: number, weight: number,
): Specialty {
  return {
    code: `G15_${profession_code}`, profession_code, label_fr, label_en, slug, eight_day_rule: false,
    fees: { base_cents, video_cents, sector2_overrun_cents: [0, 0] }, duration_minutes, weight,
  };
}

// TRE_R38 codes as we remember them (written without access to the ANS tables). Sure: SM04 cardiologie, SM15 dermatologie,
// SM38 ophtalmologie, SM39 pédiatrie, SM41 psychiatrie. Less sure: SM54 for « médecine générale » (the table also has
// SM26 « qualifié en médecine générale » and SM53), SM29, SM48. Verify against the published TRE_R38 before relying on them.
// Fees: GP consultation G = 30 € and teleconsultation 25 € (since December 2024); specialists' figures are typical
// « consultation + majorations » amounts, realistic rather than exact CCAM/NGAP computations.
export const SPECIALTIES: readonly Specialty[] = [
  doctor('SM54', 'Médecin généraliste', 'General practitioner', 'medecin-generaliste', 3000, [500, 2000], 15, 55, { video_cents: 2500 }),
  doctor('SM38', 'Ophtalmologue', 'Ophthalmologist', 'ophtalmologue', 3700, [1500, 5000], 20, 4.5, { eight_day_rule: true, video_cents: null }),
  doctor('SM15', 'Dermatologue et vénérologue', 'Dermatologist', 'dermatologue', 3700, [1500, 6000], 20, 3, { eight_day_rule: true }),
  doctor('SM39', 'Pédiatre', 'Paediatrician', 'pediatre', 3500, [1000, 3000], 20, 2.8),
  doctor('SM19', 'Gynécologue médical', 'Gynaecologist', 'gynecologue-medical', 3700, [1500, 5000], 20, 2, { eight_day_rule: true }),
  doctor('SM20', 'Gynécologue obstétricien', 'Obstetrician-gynaecologist', 'gynecologue-obstetricien', 3700, [2000, 6000], 20, 3),
  doctor('SM04', 'Cardiologue', 'Cardiologist', 'cardiologue', 5100, [1500, 5000], 30, 4.5),
  doctor('SM41', 'Psychiatre', 'Psychiatrist', 'psychiatre', 5500, [1000, 5000], 45, 3.5),
  doctor('SM34', 'ORL - Oto-rhino-laryngologiste', 'ENT specialist', 'orl', 3700, [1500, 4000], 20, 2.5, { video_cents: null }),
  doctor('SM46', 'Rhumatologue', 'Rheumatologist', 'rhumatologue', 3700, [1500, 4000], 20, 1.7),
  doctor('SM24', 'Gastro-entérologue et hépatologue', 'Gastroenterologist', 'gastro-enterologue', 3700, [1500, 5000], 20, 2.2),
  doctor('SM43', 'Radiologue', 'Radiologist', 'radiologue', 3000, [0, 3000], 15, 6, { video_cents: null }),
  doctor('SM16', 'Endocrinologue', 'Endocrinologist', 'endocrinologue', 3700, [1500, 4000], 30, 1),
  doctor('SM40', 'Pneumologue', 'Pulmonologist', 'pneumologue', 3700, [1500, 4000], 30, 1.3),
  doctor('SM32', 'Neurologue', 'Neurologist', 'neurologue', 3700, [1500, 5000], 30, 1.2),
  doctor('SM08', 'Chirurgien orthopédiste', 'Orthopaedic surgeon', 'chirurgien-orthopediste', 3700, [2000, 6000], 20, 2.5),
  doctor('SM12', 'Urologue', 'Urologist', 'urologue', 3700, [2000, 5000], 20, 1.2),
  doctor('SM48', 'Stomatologue', 'Stomatologist', 'stomatologue', 3000, [1500, 5000], 20, 0.6, { video_cents: null }),
  doctor('SM29', 'Médecin physique et de réadaptation', 'Physical medicine and rehabilitation doctor', 'medecin-physique-readaptation', 3700, [1000, 3000], 30, 0.8),
  doctor('SM18', 'Gériatre', 'Geriatrician', 'geriatre', 3700, [1000, 3000], 30, 0.5),
  // Dental consultation: 23 € before the 2025 increases; we use 30 €. Midwife consultation 30 €, teleconsultation 25 €.
  profession('40', 'Chirurgien-dentiste', 'Dentist', 'chirurgien-dentiste', 3000, null, 30, 37),
  profession('50', 'Sage-femme', 'Midwife', 'sage-femme', 3000, 2500, 30, 8),
  profession('60', 'Infirmier', 'Nurse', 'infirmier', 1000, null, 15, 90),
  profession('70', 'Masseur-kinésithérapeute', 'Physiotherapist', 'masseur-kinesitherapeute', 1800, null, 30, 70),
  profession('80', 'Pédicure-podologue', 'Podiatrist', 'pedicure-podologue', 3000, null, 30, 13),
  profession('91', 'Orthophoniste', 'Speech therapist', 'orthophoniste', 2600, 2600, 30, 20),
  profession('92', 'Orthoptiste', 'Orthoptist', 'orthoptiste', 2500, null, 30, 4),
  profession('93', 'Psychologue', 'Psychologist', 'psychologue', 5000, 5000, 45, 20),
];
