/** Kysely table types, mirroring migrations/*.sql. */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default that code may still write (Generated<Timestamp> would refuse a Date). */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamp that inserts may omit (Generated<Timestamp | null> would read back as a ColumnType). */
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateOnly = ColumnType<string, string, string>;
/** bigint identity columns come back from pg as strings; we convert them at the edges. */
type BigId = ColumnType<string, string | number, string | number>;
type GeneratedBigId = ColumnType<string, string | number | undefined, never>;

export interface CommunesTable {
  code: string;
  name: string;
  departement: string;
  postal_codes: string[];
  population: Generated<number>;
  latitude: number;
  longitude: number;
  approximate_position: Generated<boolean>;
  search_name: GeneratedAlways<string>;
}

export interface ProfessionsTable {
  code: string;
  label_fr: string;
  label_en: string;
  reimbursement_rate: number;
  kind: 'doctor' | 'dentist' | 'midwife' | 'auxiliary';
}

export interface SpecialtiesTable {
  code: string;
  profession_code: string;
  label_fr: string;
  label_en: string;
  slug: string;
  eight_day_rule: Generated<boolean>;
  search_label: GeneratedAlways<string>;
}

export interface ReasonKindsTable {
  code: string;
  label_fr: string;
  label_en: string;
  specialty_code: string | null;
  video: Generated<boolean>;
  search_label: GeneratedAlways<string>;
}

export type Sector = '1' | '2' | '2-optam' | '2-optam-co' | 'conventionne' | 'non-conventionne';

export interface PractitionersTable {
  id: GeneratedBigId;
  rpps: string;
  civility: 'M' | 'MME';
  title: 'DR' | 'PR' | null;
  first_name: string;
  last_name: string;
  profession_code: string;
  specialty_code: string;
  sector: Sector;
  carte_vitale: Generated<boolean>;
  tiers_payant: Generated<boolean>;
  payment_methods: Generated<string[]>;
  languages: Generated<string[]>;
  online_booking: Generated<boolean>;
  phone: string | null;
  presentation: string | null;
  search_name: GeneratedAlways<string>;
  /** C9: the practice's own interfaced software accepts each online booking (migrations/0017). */
  confirms_from_software: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface PlacesTable {
  id: GeneratedBigId;
  practitioner_id: BigId;
  name: string | null;
  address: string;
  postal_code: string;
  commune_code: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  search_name: GeneratedAlways<string>;
  /** The practitioner's specialty, copied by triggers for the search index (migrations/0005_search.sql). */
  specialty_code: GeneratedAlways<string | null>;
  /** Online booking of this place (migrations/0012_practice.sql); the practitioner's switch covers all places. */
  online_booking: Generated<boolean>;
}

export interface VisitReasonsTable {
  id: GeneratedBigId;
  practitioner_id: BigId;
  kind_code: string | null;
  name_fr: string;
  name_en: string;
  duration_minutes: number;
  price_cents: number;
  online_bookable: Generated<boolean>;
  new_patients: Generated<boolean>;
  min_age_years: number | null;
  max_age_years: number | null;
  referral_required: Generated<boolean>;
  video: Generated<boolean>;
  capacity: Generated<number>;
  notifications: Generated<boolean>;
  instructions_fr: string | null;
  instructions_en: string | null;
  position: Generated<number>;
}

export interface OpeningRulesTable {
  id: GeneratedBigId;
  practitioner_id: BigId;
  place_id: BigId;
  weekday: number;
  /** 'HH:MM:SS' wall-clock time in Europe/Paris. */
  start_time: string;
  end_time: string;
  reason_ids: BigId[];
  valid_from: DateOnly | null;
  valid_until: DateOnly | null;
}

export interface AbsencesTable {
  id: GeneratedBigId;
  practitioner_id: BigId;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface ReplacementsTable {
  id: GeneratedBigId;
  practitioner_id: BigId;
  replacement_first_name: string;
  replacement_last_name: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export type AppointmentStatus = 'held' | 'booked' | 'cancelled' | 'no_show' | 'done';

export interface AppointmentsTable {
  id: Generated<string>;
  practitioner_id: BigId;
  place_id: BigId;
  reason_id: BigId;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: AppointmentStatus;
  hold_expires_at: Timestamp | null;
  slot_group: Generated<string>;
  created_at: Generated<Timestamp>;
  /** Booking columns (migrations/0010_booking.sql); null for demo and practice-software rows. */
  patient_id: Generated<string | null>;
  account_id: Generated<string | null>;
  hold_token_hash: Generated<Buffer | null>;
  booked_at: OptionalTimestamp;
  cancelled_at: OptionalTimestamp;
  cancelled_by: Generated<'patient' | 'practice' | null>;
  late_cancellation: Generated<boolean>;
  replaced_by: Generated<string | null>;
  referring_practitioner_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  instructions_accepted_at: OptionalTimestamp;
  no_show_declared_at: OptionalTimestamp;
  source: Generated<'online' | 'practice'>;
  /** A desk or phone booking's practice file (migrations/0012_practice.sql). */
  patient_file_id: Generated<string | null>;
}

export interface PublicHolidaysTable {
  day: DateOnly;
  area: Generated<string>;
  name: string;
}

/** One row per postal code of a commune, kept by triggers on communes (migrations/0005_search.sql). */
export interface CommunePostalCodesTable {
  postal_code: string;
  commune_code: string;
}

/** Indexes and constraints dropped by a demo bulk load, until rebuilt (migrations/0004_demo_deferred_definitions.sql). */
export interface DemoDeferredDefinitionsTable {
  kind: 'index' | 'primary-key' | 'unique' | 'constraint' | 'foreign-key';
  table_name: string;
  name: string;
  definition: string;
}

export type PhoneKind = 'mobile' | 'landline';
export type CodePurpose = 'signup_phone' | 'login' | 'phone_change' | 'email_change' | 'staff_login';
export type CodeChannel = 'sms' | 'voice' | 'email';

/** A patient login (migrations/0006_accounts.sql). */
export interface AccountsTable {
  id: Generated<string>;
  email: string;
  email_verified_at: Timestamp | null;
  phone: string;
  phone_kind: PhoneKind;
  phone_verified_at: Timestamp;
  password_hash: string;
  password_changed_at: DefaultedTimestamp;
  language: Generated<'fr' | 'en'>;
  terms_accepted_at: Timestamp;
  privacy_accepted_at: Timestamp;
  care_history_enabled: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

/** A person appointments are for: an account holder's own record or a relative. */
export interface PatientsTable {
  id: Generated<string>;
  account_id: string | null;
  is_holder: Generated<boolean>;
  civility: 'mme' | 'm' | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: DateOnly | null;
  email: string | null;
  phone: string | null;
  phone_kind: PhoneKind | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  removed_at: Timestamp | null;
  pseudonymised_at: Timestamp | null;
}

export interface SignupsTable {
  id: Generated<string>;
  email: string;
  phone: string;
  phone_kind: PhoneKind;
  password_hash: string;
  language: 'fr' | 'en';
  terms_accepted_at: Timestamp;
  privacy_accepted_at: Timestamp;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OneTimeCodesTable {
  id: Generated<string>;
  purpose: CodePurpose;
  signup_id: string | null;
  account_id: string | null;
  /** Staff logins (migrations/0012_practice.sql). */
  staff_id: Generated<string | null>;
  destination: string;
  channel: CodeChannel;
  code_hash: string;
  attempts: Generated<number>;
  sent_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: Buffer;
  account_id: string;
  remembered: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export interface TrustedDevicesTable {
  token_hash: Buffer;
  account_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: Buffer;
  account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RateLimitHitsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface SecurityEventsTable {
  id: GeneratedBigId;
  account_id: string | null;
  /** Staff logins' events (migrations/0013_practice_auth.sql). */
  staff_id: Generated<string | null>;
  event: string;
  ip: string | null;
  at: Timestamp;
  details: Generated<Record<string, unknown>>;
}

/** A message kept by the development mailbox (migrations/0007_dev_mailbox.sql). */
export interface DevMailboxTable {
  id: GeneratedBigId;
  channel: 'email' | 'sms' | 'voice';
  kind: string;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Email attachments (migrations/0011_notifications.sql). */
  attachments: ColumnType<MailboxAttachment[] | null, string | null | undefined, string | null>;
}

export interface MailboxAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** A practice's file on a patient (migrations/0010_booking.sql). */
export interface PatientFilesTable {
  id: Generated<string>;
  practitioner_id: BigId;
  patient_id: string | null;
  first_name: string;
  last_name: string;
  birth_date: DateOnly | null;
  email: string | null;
  phone: string | null;
  last_visit_on: DateOnly | null;
  blocked_at: Timestamp | null;
  notifications_off: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** Only no-shows declared after it count toward the block (migrations/0015_practice_unblock.sql). */
  no_shows_forgiven_at: OptionalTimestamp;
  /** As typed by the practice (migrations/0015_practice_unblock.sql); a linked patient's own shows otherwise. */
  civility: Generated<'mme' | 'm' | null>;
}

export interface BookingRequestsTable {
  account_id: string;
  idempotency_key: string;
  appointment_id: string;
  created_at: Timestamp;
}

export interface CareTeamHiddenTable {
  account_id: string;
  practitioner_id: BigId;
  hidden_at: Timestamp;
}

export interface PracticeApiTokensTable {
  token_hash: Buffer;
  practitioner_id: BigId;
  label: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface InstanceSecretsTable {
  name: string;
  value: Buffer;
  created_at: Generated<Timestamp>;
}

export type NotificationKind = 'confirmation' | 'reminder_7d' | 'reminder_24h' | 'reminder_sms_48h' | 'reminder_sms_24h'
  | 'moved' | 'cancelled' | 'no_show';
export type NotificationState = 'pending' | 'sent' | 'dropped' | 'failed';

/** A message intent of the notifications outbox (migrations/0011_notifications.sql). */
export interface NotificationIntentsTable {
  id: GeneratedBigId;
  idempotency_key: string;
  appointment_id: string;
  kind: NotificationKind;
  channel: 'email' | 'sms';
  role: 'holder' | 'relative';
  version: number;
  planned_start: Timestamp;
  send_at: Timestamp;
  state: Generated<NotificationState>;
  attempts: Generated<number>;
  claimed_by: number | null;
  claimed_at: OptionalTimestamp;
  last_error: string | null;
  outcome: string | null;
  created_at: Timestamp;
  done_at: OptionalTimestamp;
}

/** An appointment's calendar UID and SEQUENCE, kept across moves (migrations/0011_notifications.sql). */
export interface AppointmentCalendarTable {
  appointment_id: string;
  uid: string;
  sequence: number;
}

/** Staff logins of the practitioner's side (migrations/0012_practice.sql). */
export interface StaffAccountsTable {
  id: Generated<string>;
  role: 'practitioner' | 'secretary';
  practitioner_id: BigId | null;
  email: string;
  phone: string | null;
  phone_kind: PhoneKind | null;
  first_name: string;
  last_name: string;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  language: Generated<'fr' | 'en'>;
  created_at: Generated<Timestamp>;
  activated_at: Timestamp | null;
}

export interface StaffGrantsTable {
  secretary_id: string;
  practitioner_id: BigId;
  can_book: Generated<boolean>;
  can_manage_patients: Generated<boolean>;
  can_edit_settings: Generated<boolean>;
  granted_at: Timestamp;
}

export interface StaffSessionsTable {
  token_hash: Buffer;
  staff_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export interface StaffTrustedDevicesTable {
  token_hash: Buffer;
  staff_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
}

export interface StaffInvitationsTable {
  token_hash: Buffer;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface Database {
  communes: CommunesTable;
  professions: ProfessionsTable;
  specialties: SpecialtiesTable;
  reason_kinds: ReasonKindsTable;
  practitioners: PractitionersTable;
  places: PlacesTable;
  visit_reasons: VisitReasonsTable;
  opening_rules: OpeningRulesTable;
  absences: AbsencesTable;
  replacements: ReplacementsTable;
  appointments: AppointmentsTable;
  public_holidays: PublicHolidaysTable;
  demo_deferred_definitions: DemoDeferredDefinitionsTable;
  commune_postal_codes: CommunePostalCodesTable;
  accounts: AccountsTable;
  patients: PatientsTable;
  signups: SignupsTable;
  one_time_codes: OneTimeCodesTable;
  sessions: SessionsTable;
  trusted_devices: TrustedDevicesTable;
  password_resets: PasswordResetsTable;
  rate_limit_hits: RateLimitHitsTable;
  security_events: SecurityEventsTable;
  dev_mailbox: DevMailboxTable;
  patient_files: PatientFilesTable;
  booking_requests: BookingRequestsTable;
  care_team_hidden: CareTeamHiddenTable;
  practice_api_tokens: PracticeApiTokensTable;
  instance_secrets: InstanceSecretsTable;
  notification_intents: NotificationIntentsTable;
  appointment_calendar: AppointmentCalendarTable;
  pending_confirmations: PendingConfirmationsTable;
  staff_accounts: StaffAccountsTable;
  staff_grants: StaffGrantsTable;
  staff_sessions: StaffSessionsTable;
  staff_trusted_devices: StaffTrustedDevicesTable;
  staff_invitations: StaffInvitationsTable;
}

/** C9: a booking waiting for the practice's software to accept it (migrations/0017_practice_confirmation.sql). */
export interface PendingConfirmationsTable {
  hold_id: string;
  practitioner_id: string;
  account_id: string;
  idempotency_key: string;
  request: unknown;
  requested_at: Timestamp;
  answer_by: Timestamp;
  outcome: 'accepted' | 'refused' | null;
  answered_at: Timestamp | null;
}
