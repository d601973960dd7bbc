/** The visit reasons (« motifs », J2) a demo practitioner offers, with 2025 fees by sector and booking conditions. */
import { reasonKindsFor, type ReasonKind, type Specialty } from '../../reference/nomenclature.ts';
import { sample, type Random } from './random.ts';
import type { Sector } from './practice.ts';

/** What kind of window of the week a reason is offered in. */
export type ReasonRole = 'main' | 'in-person' | 'video' | 'group';

export interface ReasonPlan {
  kindCode: string;
  nameFr: string;
  nameEn: string;
  durationMinutes: number;
  priceCents: number;
  onlineBookable: boolean;
  newPatients: boolean;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  referralRequired: boolean;
  video: boolean;
  capacity: number;
  notifications: boolean;
  instructionsFr: string | null;
  instructionsEn: string | null;
  role: ReasonRole;
  /** Relative share of this reason among the bookings of its windows (generation only, not stored). */
  demand: number;
}

export interface PractitionerTerms {
  specialty: Specialty;
  professionKind: string;
  sector: Sector;
  /** From drawOverrunLevel: 0 none, ≤ 1 within the specialty's overrun range, > 1 beyond it. */
  overrunLevel: number;
  /** False when the practitioner takes no new patients at all (C5). */
  acceptsNewPatients: boolean;
}

/** The usual reason of non-doctor professions; doctors' main reason is a consultation. */
const MAIN_KIND: Record<string, string> = {
  SM54: 'gp-consultation', G15_40: 'dental-checkup', G15_50: 'pregnancy-follow-up', G15_60: 'blood-test',
  G15_70: 'rehabilitation-session', G15_80: 'chiropody', G15_91: 'speech-therapy-session', G15_92: 'orthoptic-session',
  G15_93: 'psychotherapy-session',
};
/** Reasons that only make sense for patients the practice already knows. */
const KNOWN_PATIENTS_ONLY = new Set(['follow-up', 'prescription-renewal', 'psychiatry-follow-up', 'post-operative']);
const EMERGENCIES = new Set(['urgent-consultation', 'eye-emergency', 'dental-emergency']);
/** Share of practitioners asking « Quel est le praticien qui vous adresse ? » for a reason (C5). */
const REFERRAL_SHARE: Record<string, number> = {
  'first-consultation': 0.15, 'pre-operative': 0.5, mri: 0.6, 'ct-scan': 0.6, 'rehabilitation-assessment': 0.5,
  'memory-assessment': 0.5, 'speech-assessment': 0.3,
};
/** Age limits of a reason (C5): [min, max] in years. */
const AGE_LIMITS: Record<string, readonly [number | null, number | null]> = {
  'infant-checkup': [null, 2], 'child-consultation': [null, 15], 'child-vaccination': [null, 18],
  'sports-cardiology': [12, null], 'mon-soutien-psy': [3, null], 'memory-assessment': [50, null],
};
const SPECIALTY_AGE_LIMITS: Record<string, readonly [number | null, number | null]> = {
  SM39: [null, 18], SM18: [60, null], SM19: [15, null],
};
/** Practice instructions the patient must accept (C3), for the reasons that typically carry some. */
const INSTRUCTIONS: Record<string, readonly [string, string]> = {
  'blood-test': ['Venez à jeun depuis 12 heures, avec votre ordonnance et votre carte Vitale.',
    'Come fasting for 12 hours, with your prescription and your Carte Vitale.'],
  'first-consultation': ['Merci d\'apporter votre carte Vitale, vos ordonnances en cours et vos derniers examens.',
    'Please bring your Carte Vitale, your current prescriptions and your latest test results.'],
  mri: ['Apportez l\'ordonnance et vos examens précédents ; signalez tout implant ou pacemaker.',
    'Bring the prescription and previous scans; tell us about any implant or pacemaker.'],
  'ct-scan': ['Apportez l\'ordonnance, votre dernière créatininémie et vos examens précédents.',
    'Bring the prescription, your latest creatinine test and previous scans.'],
  mammography: ['Apportez vos anciennes mammographies et n\'appliquez ni crème ni déodorant le jour de l\'examen.',
    'Bring your previous mammograms and do not use cream or deodorant on the day.'],
  'pre-colonoscopy': ['Apportez la liste de vos traitements, en particulier les anticoagulants.',
    'Bring the list of your medicines, anticoagulants in particular.'],
  'sports-certificate': ['Apportez le formulaire de votre fédération ou de votre club.',
    'Bring the form of your sports federation or club.'],
  'birth-preparation': ['Séance collective : venez en tenue confortable, avec un coussin.',
    'Group session: wear comfortable clothes and bring a cushion.'],
  'physiotherapy-assessment': ['Apportez la prescription de votre médecin et vos radiographies.',
    'Bring your doctor\'s prescription and your X-rays.'],
};

const kindByCode = (kinds: readonly ReasonKind[], code: string) => kinds.find((kind) => kind.code === code);
const roundEuros = (cents: number) => Math.round(cents / 100) * 100;

/** The fee of a reason: its base tariff, plus the practitioner's overrun where the sector allows one. */
export function priceOf(kind: ReasonKind, terms: PractitionerTerms): number {
  const { fees, code } = terms.specialty;
  let base = kind.video ? (fees.video_cents ?? fees.base_cents) : (kind.fee_cents ?? fees.base_cents);
  // G8: a sector-2 GP outside OPTAM is reimbursed on 23 € for a teleconsultation.
  if (kind.video && code === 'SM54' && terms.sector === '2') base = 2300;
  const [low, high] = fees.sector2_overrun_cents;
  if (terms.overrunLevel <= 0) return base;
  if (high === 0) return roundEuros(base * (1 + 0.4 * (terms.overrunLevel - 1)));
  const overrun = terms.overrunLevel <= 1 ? low + terms.overrunLevel * (high - low) : high * terms.overrunLevel;
  return roundEuros(base + overrun);
}

/** A duration that varies a little between practitioners (some GPs book 20 minutes instead of 15). */
function durationOf(random: Random, minutes: number): number {
  return minutes <= 30 && random.chance(0.25) ? minutes + 5 : minutes;
}

/** The kinds this practitioner offers, main first: 2 to 5 in all. */
function chooseKinds(random: Random, terms: PractitionerTerms): { kind: ReasonKind; role: ReasonRole }[] {
  const { specialty, professionKind, sector } = terms;
  const kinds = reasonKindsFor(specialty.code)
    .filter((kind) => kind.code !== 'mon-soutien-psy' || sector === 'conventionne');
  const own = kinds.filter((kind) => kind.specialty_code === specialty.code && !kind.video && kind.capacity === 1);
  const isSpecialist = professionKind === 'doctor' && specialty.code !== 'SM54';
  const main = kindByCode(kinds, isSpecialist ? 'first-consultation' : (MAIN_KIND[specialty.code] ?? own[0]?.code ?? 'first-consultation'))!;
  const extras: ReasonKind[] = [];
  if (isSpecialist && random.chance(0.8)) extras.push(kindByCode(kinds, 'follow-up')!);
  if (specialty.code === 'SM54' && random.chance(0.3)) extras.push(kindByCode(kinds, 'first-consultation')!);
  if (specialty.code === 'G15_93' && sector === 'conventionne') extras.push(kindByCode(kinds, 'mon-soutien-psy')!);
  extras.push(...sample(random, own.filter((kind) => kind.code !== main.code && !extras.includes(kind)), random.int(1, 3)));
  if (professionKind === 'doctor' && random.chance(0.15)) extras.push(kindByCode(kinds, 'urgent-consultation')!);

  const chosen: { kind: ReasonKind; role: ReasonRole }[] = [{ kind: main, role: 'main' }];
  const special: { kind: ReasonKind; role: ReasonRole }[] = [];
  const videoKind = kinds.find((kind) => kind.video && kind.specialty_code === specialty.code) ?? kindByCode(kinds, 'video-consultation');
  const videoShare = professionKind === 'doctor' ? 0.3 : 0.15;
  if (specialty.fees.video_cents !== null && videoKind && random.chance(videoShare)) special.push({ kind: videoKind, role: 'video' });
  const group = kinds.find((kind) => kind.capacity > 1);
  if (group && random.chance(specialty.code === 'G15_50' ? 0.4 : 0.1)) special.push({ kind: group, role: 'group' });
  const room = Math.max(1, 5 - 1 - special.length);
  for (const kind of extras.slice(0, room)) chosen.push({ kind, role: 'in-person' });
  // Professions with a short catalogue (psychologists) still get two reasons: a first consultation.
  if (chosen.length + special.length < 2) {
    const second = main.code === 'first-consultation' ? 'follow-up' : 'first-consultation';
    chosen.push({ kind: kindByCode(kinds, second)!, role: 'in-person' });
  }
  return [...chosen, ...special];
}

/** The full terms of one reason of this practitioner. */
function planReason(random: Random, kind: ReasonKind, role: ReasonRole, terms: PractitionerTerms): ReasonPlan {
  const doctorConsultation = terms.professionKind === 'doctor' && kind.specialty_code === null && !kind.video;
  const baseDuration = doctorConsultation || role === 'main' ? terms.specialty.duration_minutes : kind.duration_minutes;
  const [minAge, maxAge] = AGE_LIMITS[kind.code] ?? SPECIALTY_AGE_LIMITS[terms.specialty.code] ?? [null, null];
  const instructions = INSTRUCTIONS[kind.code];
  const withInstructions = instructions !== undefined && random.chance(kind.capacity > 1 ? 0.9 : 0.4);
  return {
    kindCode: kind.code,
    nameFr: kind.label_fr,
    nameEn: kind.label_en,
    durationMinutes: role === 'group' ? kind.duration_minutes : durationOf(random, baseDuration),
    priceCents: priceOf(kind, terms),
    onlineBookable: role === 'main' || (EMERGENCIES.has(kind.code) ? random.chance(0.5) : random.chance(0.95)),
    newPatients: terms.acceptsNewPatients && !KNOWN_PATIENTS_ONLY.has(kind.code),
    minAgeYears: minAge,
    maxAgeYears: maxAge,
    referralRequired: random.chance(REFERRAL_SHARE[kind.code] ?? 0),
    video: kind.video,
    capacity: kind.capacity,
    notifications: random.chance(0.97),
    instructionsFr: withInstructions ? instructions[0] : null,
    instructionsEn: withInstructions ? instructions[1] : null,
    role,
    demand: role === 'main' ? 6 : EMERGENCIES.has(kind.code) ? 0.5 : 1 + random.next(),
  };
}

/** The reasons of one practitioner, main reason first (the one search results show slots for). */
export function planReasons(random: Random, terms: PractitionerTerms): ReasonPlan[] {
  return chooseKinds(random, terms).map(({ kind, role }) => planReason(random, kind, role, terms));
}
