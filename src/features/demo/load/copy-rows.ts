/**
 * Demo rows as lines of PostgreSQL's COPY text format: tab-separated columns, `\N` for null, backslash escapes.
 * Each table lists its columns once, in the order the encoder writes them.
 */
import type {
  AbsenceRow, AppointmentRow, OpeningRuleRow, PlaceRow, PractitionerRow, ReasonRow, ReplacementRow,
} from '../domain/practitioner.ts';

export interface CopyTable<Row> {
  table: string;
  columns: readonly string[];
  encode: (row: Row) => string;
}

const SPECIAL = /[\\\t\n\r]/;

/** A text column: null as \N; backslash, tab and line breaks escaped. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const copyNumber = (value: number | null) => (value === null ? '\\N' : String(value));
const copyBool = (value: boolean) => (value ? 't' : 'f');
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const dayPrefixes = new Map<number, string>();
const clockOfMinute = Array.from({ length: 1440 }, (_, m) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** An instant in ISO 8601 UTC; whole minutes (all agenda instants) go through cached day and clock strings. */
function copyInstant(ms: number): string {
  if (ms % MINUTE_MS !== 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return `${prefix}${clockOfMinute[(ms - day * DAY_MS) / MINUTE_MS]}:00Z`;
}
/** An array literal of plain tokens (codes, ids): none of them needs quoting. */
const copyArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export const practitionersCopy: CopyTable<PractitionerRow> = {
  table: 'practitioners',
  columns: ['id', 'rpps', 'civility', 'title', 'first_name', 'last_name', 'profession_code', 'specialty_code', 'sector',
    'carte_vitale', 'tiers_payant', 'payment_methods', 'languages', 'online_booking', 'phone', 'presentation'],
  encode: (p) => `${p.id}\t${p.rpps}\t${p.civility}\t${copyText(p.title)}\t${copyText(p.firstName)}\t${copyText(p.lastName)}\t`
    + `${p.professionCode}\t${p.specialtyCode}\t${p.sector}\t${copyBool(p.carteVitale)}\t${copyBool(p.tiersPayant)}\t`
    + `${copyArray(p.paymentMethods)}\t${copyArray(p.languages)}\t${copyBool(p.onlineBooking)}\t${copyText(p.phone)}\t`
    + `${copyText(p.presentation)}\n`,
};

export const placesCopy: CopyTable<PlaceRow> = {
  table: 'places',
  // specialty_code is normally kept by a trigger (0005_search.sql), which cannot see the practitioners being loaded
  // by another session: we write it ourselves.
  columns: ['id', 'practitioner_id', 'name', 'address', 'postal_code', 'commune_code', 'latitude', 'longitude', 'phone',
    'specialty_code'],
  encode: (p) => `${p.id}\t${p.practitionerId}\t${copyText(p.name)}\t${copyText(p.address)}\t${p.postalCode}\t`
    + `${p.communeCode}\t${p.latitude}\t${p.longitude}\t${copyText(p.phone)}\t${p.specialtyCode}\n`,
};

export const visitReasonsCopy: CopyTable<ReasonRow> = {
  table: 'visit_reasons',
  columns: ['id', 'practitioner_id', 'kind_code', 'name_fr', 'name_en', 'duration_minutes', 'price_cents', 'online_bookable',
    'new_patients', 'min_age_years', 'max_age_years', 'referral_required', 'video', 'capacity', 'notifications',
    'instructions_fr', 'instructions_en', 'position'],
  encode: (r) => `${r.id}\t${r.practitionerId}\t${copyText(r.kindCode)}\t${copyText(r.nameFr)}\t${copyText(r.nameEn)}\t`
    + `${r.durationMinutes}\t${r.priceCents}\t${copyBool(r.onlineBookable)}\t${copyBool(r.newPatients)}\t`
    + `${copyNumber(r.minAgeYears)}\t${copyNumber(r.maxAgeYears)}\t${copyBool(r.referralRequired)}\t${copyBool(r.video)}\t`
    + `${r.capacity}\t${copyBool(r.notifications)}\t${copyText(r.instructionsFr)}\t${copyText(r.instructionsEn)}\t${r.position}\n`,
};

export const openingRulesCopy: CopyTable<OpeningRuleRow> = {
  table: 'opening_rules',
  columns: ['id', 'practitioner_id', 'place_id', 'weekday', 'start_time', 'end_time', 'reason_ids'],
  encode: (r) => `${r.id}\t${r.practitionerId}\t${r.placeId}\t${r.weekday}\t${r.startTime}\t${r.endTime}\t${copyArray(r.reasonIds)}\n`,
};

export const absencesCopy: CopyTable<AbsenceRow> = {
  table: 'absences',
  columns: ['id', 'practitioner_id', 'starts_at', 'ends_at'],
  encode: (a) => `${a.id}\t${a.practitionerId}\t${copyInstant(a.startsAt)}\t${copyInstant(a.endsAt)}\n`,
};

export const replacementsCopy: CopyTable<ReplacementRow> = {
  table: 'replacements',
  columns: ['id', 'practitioner_id', 'replacement_first_name', 'replacement_last_name', 'starts_at', 'ends_at'],
  encode: (r) => `${r.id}\t${r.practitionerId}\t${copyText(r.firstName)}\t${copyText(r.lastName)}\t`
    + `${copyInstant(r.startsAt)}\t${copyInstant(r.endsAt)}\n`,
};

export const appointmentsCopy: CopyTable<AppointmentRow> = {
  table: 'appointments',
  columns: ['id', 'practitioner_id', 'place_id', 'reason_id', 'starts_at', 'ends_at', 'status', 'slot_group'],
  encode: (a) => `${a.id}\t${a.practitionerId}\t${a.placeId}\t${a.reasonId}\t${copyInstant(a.startsAt)}\t`
    + `${copyInstant(a.endsAt)}\tbooked\t${a.slotGroup}\n`,
};
