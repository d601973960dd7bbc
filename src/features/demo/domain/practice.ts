/** How a demo practitioner bills: convention sector (B5), overruns, Carte Vitale, tiers payant, payment methods. */
import { drawFrom, type Random } from './random.ts';

export type Sector = '1' | '2' | '2-optam' | '2-optam-co' | 'conventionne' | 'non-conventionne';

/** Specialties whose sector-2 members mostly sign the OPTAM-CO (surgery and obstetrics). */
const SURGICAL_SPECIALTIES = new Set(['SM08', 'SM12', 'SM20']);

/** The convention sector: GPs mostly sector 1, specialists often sector 2, other professions « conventionné ». */
export function drawSector(random: Random, professionKind: string, specialtyCode: string): Sector {
  if (specialtyCode === 'G15_93') return random.chance(0.3) ? 'conventionne' : 'non-conventionne';
  if (professionKind !== 'doctor') return random.chance(0.99) ? 'conventionne' : 'non-conventionne';
  if (specialtyCode === 'SM54') {
    return drawFrom<Sector>(random, [['1', 90], ['2', 2.5], ['2-optam', 6], ['non-conventionne', 1.5]]);
  }
  if (specialtyCode === 'SM43') return drawFrom<Sector>(random, [['1', 85], ['2', 5], ['2-optam', 9], ['non-conventionne', 1]]);
  if (SURGICAL_SPECIALTIES.has(specialtyCode)) {
    return drawFrom<Sector>(random, [['1', 25], ['2', 30], ['2-optam', 10], ['2-optam-co', 33], ['non-conventionne', 2]]);
  }
  return drawFrom<Sector>(random, [['1', 45], ['2', 22], ['2-optam', 31], ['non-conventionne', 2]]);
}

/**
 * How much this practitioner charges above the base tariff, as a share of the specialty's overrun range:
 * OPTAM signatories stay in the lower part (they commit to moderate overruns), sector 2 spreads over it,
 * non-conventionnés go beyond it. Drawn once per practitioner so all their reasons are consistent.
 */
export function drawOverrunLevel(random: Random, sector: Sector): number {
  switch (sector) {
    case '2-optam':
    case '2-optam-co':
      return 0.6 * random.next();
    case '2':
      return 0.2 + 0.8 * random.next();
    case 'non-conventionne':
      return 1 + random.next();
    default:
      return 0;
  }
}

/** Carte Vitale is read by nearly every conventionné practice, rarely outside the convention. */
export function drawCarteVitale(random: Random, sector: Sector): boolean {
  return random.chance(sector === 'non-conventionne' ? 0.3 : 0.97);
}

const TIERS_PAYANT_SHARE: Record<string, number> = {
  SM54: 0.35, G15_40: 0.45, G15_50: 0.6, G15_60: 0.85, G15_70: 0.45, G15_80: 0.15, G15_91: 0.5, G15_92: 0.5, G15_93: 0.9,
};

/** Third-party payment: common for nurses, frequent for GPs, rare for specialists, never outside the convention. */
export function drawTiersPayant(random: Random, sector: Sector, specialtyCode: string): boolean {
  if (sector === 'non-conventionne') return false;
  return random.chance(TIERS_PAYANT_SHARE[specialtyCode] ?? 0.12);
}

/** Accepted means of payment, at least one, in the order the API shows them. */
export function drawPaymentMethods(random: Random, specialtyCode: string): string[] {
  const cardShare = specialtyCode === 'G15_60' ? 0.45 : 0.78;
  const methods = [
    random.chance(cardShare) ? 'card' : null,
    random.chance(0.75) ? 'check' : null,
    random.chance(0.85) ? 'cash' : null,
  ].filter((m): m is string => m !== null);
  return methods.length > 0 ? methods : ['check', 'cash'];
}
