-- Booking (SPEC C2–C9, D1–D6, A8): who an appointment is for and who booked it, holds that survive a login,
-- moves and cancellations, the practice's patient files (known patients, blocks, no-shows), idempotent confirmation.

-- Appointments of the demo dataset and of practice software have no Créneau patient: patient_id stays null for them.
alter table appointments
  add column patient_id uuid references patients(id),
  add column account_id uuid references accounts(id) on delete set null,    -- the account that booked or holds
  add column hold_token_hash bytea,                                         -- a hold taken before login (C3): SHA-256 of its token
  add column booked_at timestamptz,
  add column cancelled_at timestamptz,
  add column cancelled_by text check (cancelled_by in ('patient', 'practice')),
  add column late_cancellation boolean not null default false,              -- cancelled under 4 h (D3, counts like a warning)
  add column replaced_by uuid references appointments(id),                  -- moved (D2) or replaced by the 8-day rule (C6)
  add column referring_practitioner_id bigint references practitioners(id), -- « Quel est le praticien qui vous adresse ? » (C5)
  add column instructions_accepted_at timestamptz,                          -- « J'ai lu et j'accepte les consignes » (C3)
  add column no_show_declared_at timestamptz,                               -- D5
  add column source text not null default 'online' check (source in ('online', 'practice'));

create index appointments_patient on appointments (patient_id, starts_at) where patient_id is not null;
create index appointments_account on appointments (account_id, starts_at) where account_id is not null;
create index appointments_expired_holds on appointments (hold_expires_at) where status = 'held';

-- A practice's file on a patient (J3): identity as the practice knows it, last visit, blocking, notifications (E4).
-- Linked to a Créneau patient when known; issue 6 (practitioner side) creates files for desk and phone bookings.
create table patient_files (
  id                uuid primary key default gen_random_uuid(),
  practitioner_id   bigint not null references practitioners(id) on delete cascade,
  patient_id        uuid references patients(id) on delete set null,
  first_name        text not null,
  last_name         text not null,
  birth_date        date,
  email             text,
  phone             text,
  last_visit_on     date,                          -- the 2-year rule of reasons reserved to known patients (C5)
  blocked_at        timestamptz,                   -- blocked on purpose by the practice (C5, J4)
  notifications_off boolean not null default false, -- E4
  created_at        timestamptz not null default now()
);
create unique index patient_files_patient on patient_files (practitioner_id, patient_id) where patient_id is not null;

-- Confirming twice with the same request key returns the same appointment.
create table booking_requests (
  account_id      uuid not null references accounts(id) on delete cascade,
  idempotency_key text not null,
  appointment_id  uuid not null references appointments(id) on delete cascade,
  created_at      timestamptz not null,
  primary key (account_id, idempotency_key)
);

-- « Mon équipe soignante » (A8): practitioners removed from the list by the account holder.
create table care_team_hidden (
  account_id      uuid not null references accounts(id) on delete cascade,
  practitioner_id bigint not null references practitioners(id) on delete cascade,
  hidden_at       timestamptz not null,
  primary key (account_id, practitioner_id)
);

-- Tokens of practice software (and, until issue 6, the only practice-side access): declare no-shows, block patients.
create table practice_api_tokens (
  token_hash      bytea primary key,
  practitioner_id bigint not null references practitioners(id) on delete cascade,
  label           text not null,
  created_at      timestamptz not null,
  revoked_at      timestamptz
);

-- Secrets generated once per installation (e.g. the key signing move/cancel links, D4) when no env var provides them.
create table instance_secrets (
  name       text primary key,
  value      bytea not null,
  created_at timestamptz not null default now()
);
