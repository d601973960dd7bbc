/**
 * One demo practitioner with everything that hangs off it (places, reasons, opening rules, absences, replacement,
 * appointments), built from its own random stream: practitioner n is the same whatever the number generated.
 */
import { PROFESSIONS, SPECIALTIES, type Specialty } from '../../reference/nomenclature.ts';
import { holidayAreaOf } from '../../reference/domain/public-holidays.ts';
import { drawFillProfile, planAway, planBookings, type Horizon } from './agenda.ts';
import { drawPracticeName, drawStreetAddress, landlineFor, mobileNumber } from './contact.ts';
import { drawCommune, drawNearbyCommune, jitterPosition, type CommuneAtlas, type DemoCommune } from './geography.ts';
import { drawIdentity, drawLanguages, drawReplacementName, rppsFor, titleFor, type Identity } from './people.ts';
import { drawCarteVitale, drawOverrunLevel, drawPaymentMethods, drawSector, drawTiersPayant, type Sector } from './practice.ts';
import { createRandom, drawWeighted, mixSeed, randomUuid, weightedTable, type Random } from './random.ts';
import { planReasons, type ReasonPlan } from './reasons.ts';
import { planWeek, timeOfMinutes } from './week.ts';

export interface PractitionerRow {
  id: number; rpps: string; civility: 'M' | 'MME'; title: 'DR' | 'PR' | null; firstName: string; lastName: string;
  professionCode: string; specialtyCode: string; sector: Sector; carteVitale: boolean; tiersPayant: boolean;
  paymentMethods: string[]; languages: string[]; onlineBooking: boolean; phone: string; presentation: string | null;
}
export interface PlaceRow {
  id: number; practitionerId: number; name: string | null; address: string; postalCode: string; communeCode: string;
  latitude: number; longitude: number; phone: string | null;
  /** Copied from the practitioner for the search index (migrations/0005_search.sql). */
  specialtyCode: string;
}
export interface ReasonRow extends Omit<ReasonPlan, 'role' | 'demand'> { id: number; practitionerId: number; position: number }
export interface OpeningRuleRow {
  id: number; practitionerId: number; placeId: number; weekday: number; startTime: string; endTime: string; reasonIds: number[];
}
export interface AbsenceRow { id: number; practitionerId: number; startsAt: number; endsAt: number }
export interface ReplacementRow extends AbsenceRow { firstName: string; lastName: string }
export interface AppointmentRow {
  id: string; practitionerId: number; placeId: number; reasonId: number; startsAt: number; endsAt: number; slotGroup: string;
}

export interface DemoPractitioner {
  practitioner: PractitionerRow;
  places: PlaceRow[];
  reasons: ReasonRow[];
  rules: OpeningRuleRow[];
  absences: AbsenceRow[];
  replacements: ReplacementRow[];
  appointments: AppointmentRow[];
}

/** Everything the generator needs besides the practitioner's number. */
export interface DemoWorld {
  seed: number;
  atlas: CommuneAtlas;
  horizon: Horizon;
}

/** Last ids handed out per table; the generator continues from them (ids are ours, not the identity sequences'). */
export interface IdCounters {
  place: number; reason: number; rule: number; absence: number; replacement: number;
}

export const emptyCounters = (): IdCounters => ({ place: 0, reason: 0, rule: 0, absence: 0, replacement: 0 });

const specialtyTable = weightedTable(SPECIALTIES, (s) => s.weight);
const professionKind = new Map<string, string>(PROFESSIONS.map((p) => [p.code, p.kind]));

/** « Médecin généraliste » → « médecin généraliste », keeping acronyms (« ORL ») as they are. */
function inSentence(label: string): string {
  return /^[A-ZÉ][a-zé]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** A short presentation for about a third of practitioners (no health data, just the practice). */
function drawPresentation(
  random: Random, identity: Identity, specialty: Specialty, commune: DemoCommune, languages: string[],
): string | null {
  if (!random.chance(0.35)) return null;
  const settled = identity.civility === 'MME' ? 'installée' : 'installé';
  const opening = random.pick([
    `${specialty.label_fr} ${settled} à ${commune.name}, je vous accueille sur rendez-vous.`,
    `Bienvenue au cabinet de ${identity.firstName} ${identity.lastName}, ${inSentence(specialty.label_fr)} à ${commune.name}.`,
    `Consultations sur rendez-vous à ${commune.name}. Merci de prévenir au moins 24 heures à l'avance en cas d'empêchement.`,
  ]);
  const english = languages.includes('en') ? ' Consultations possibles en anglais.' : '';
  const access = random.chance(0.4) ? ' Cabinet accessible aux personnes à mobilité réduite.' : '';
  return `${opening}${english}${access}`;
}

/** The practitioner's own profile: identity, specialty, billing, contact. */
function drawProfile(random: Random, world: DemoWorld, index: number) {
  const specialty = drawWeighted(random, specialtyTable);
  const kind = professionKind.get(specialty.profession_code) ?? 'auxiliary';
  const identity = drawIdentity(random, specialty.profession_code, specialty.code);
  const commune = drawCommune(random, world.atlas);
  const sector = drawSector(random, kind, specialty.code);
  const languages = drawLanguages(random);
  const mobileFirst = (kind === 'auxiliary' || kind === 'midwife') && random.chance(0.5);
  const practitioner: PractitionerRow = {
    id: index + 1, rpps: rppsFor(index, world.seed), civility: identity.civility, title: titleFor(random, kind, specialty.code),
    firstName: identity.firstName, lastName: identity.lastName, professionCode: specialty.profession_code,
    specialtyCode: specialty.code, sector, carteVitale: drawCarteVitale(random, sector),
    tiersPayant: drawTiersPayant(random, sector, specialty.code), paymentMethods: drawPaymentMethods(random, specialty.code),
    languages, onlineBooking: random.chance(0.92),
    phone: mobileFirst ? mobileNumber(random) : landlineFor(random, commune.departement),
    presentation: drawPresentation(random, identity, specialty, commune, languages),
  };
  return { practitioner, specialty, kind, commune, overrunLevel: drawOverrunLevel(random, sector) };
}

/** A place of consultation in a commune, at a jittered street position. */
function drawPlace(random: Random, id: number, practitionerId: number, commune: DemoCommune, specialty: Specialty): PlaceRow {
  const position = jitterPosition(random, commune);
  return {
    id, practitionerId, name: drawPracticeName(random, specialty.code, commune.name),
    address: drawStreetAddress(random, commune.population), postalCode: random.pick(commune.postalCodes),
    communeCode: commune.code, latitude: position.latitude, longitude: position.longitude,
    phone: random.chance(0.6) ? landlineFor(random, commune.departement) : null,
    specialtyCode: specialty.code,
  };
}

/** Builds practitioner number `index` (0-based); `ids` advances past the rows it creates. */
export function generatePractitioner(world: DemoWorld, index: number, ids: IdCounters): DemoPractitioner {
  const random = createRandom(mixSeed(world.seed, index, 1));
  const { practitioner, specialty, kind, commune, overrunLevel } = drawProfile(random, world, index);
  const practitionerId = practitioner.id;

  const communes = random.chance(0.15) ? [commune, drawNearbyCommune(random, world.atlas, commune)] : [commune];
  const places = communes.map((c) => drawPlace(random, ++ids.place, practitionerId, c, specialty));
  const acceptsNewPatients = !random.chance(specialty.code === 'SM54' ? 0.12 : 0.04);
  const plans = planReasons(random, { specialty, professionKind: kind, sector: practitioner.sector, overrunLevel, acceptsNewPatients });
  const reasons: ReasonRow[] = plans.map(({ role: _role, demand: _demand, ...plan }, position) =>
    ({ ...plan, id: ++ids.reason, practitionerId, position }));
  const windows = planWeek(random, { professionKind: kind, specialtyCode: specialty.code, placeCount: places.length, reasons: plans });
  const rules: OpeningRuleRow[] = windows.map((w) => ({
    id: ++ids.rule, practitionerId, placeId: places[w.placeIndex]!.id, weekday: w.weekday,
    startTime: timeOfMinutes(w.startMinutes), endTime: timeOfMinutes(w.endMinutes),
    reasonIds: w.reasonIndexes.map((i) => reasons[i]!.id),
  }));

  // The agenda has a stream of its own: the profile above does not depend on the day the data is seeded.
  const agendaRandom = createRandom(mixSeed(world.seed, index, 2));
  const away = planAway(agendaRandom, world.horizon, kind);
  const absences = away.absences.map((p) => ({ id: ++ids.absence, practitionerId, startsAt: p.start, endsAt: p.end }));
  const replacements = away.replacement
    ? [{ id: ++ids.replacement, practitionerId, startsAt: away.replacement.start, endsAt: away.replacement.end,
      ...drawReplacementName(agendaRandom) }]
    : [];
  const bookings = planBookings(agendaRandom, world.horizon, {
    windows, reasons: plans, away, profile: drawFillProfile(agendaRandom),
    placeAreas: communes.map((c) => holidayAreaOf(c.departement)),
  });
  const groupSlots = new Map<number, string>();
  const appointments = bookings.map((b): AppointmentRow => {
    const id = randomUuid(agendaRandom);
    let slotGroup = id;
    if (b.groupKey !== null) {
      slotGroup = groupSlots.get(b.groupKey) ?? id;
      groupSlots.set(b.groupKey, slotGroup);
    }
    return {
      id, practitionerId, placeId: places[b.placeIndex]!.id, reasonId: reasons[b.reasonIndex]!.id,
      startsAt: b.start, endsAt: b.end, slotGroup,
    };
  });
  return { practitioner, places, reasons, rules, absences, replacements, appointments };
}
