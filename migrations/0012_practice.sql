-- The practitioner's side (SPEC J1–J4): staff logins (practitioners and their secretaries), rights granted by the
-- practitioner, staff sessions and codes, per-place online booking, and desk bookings on a practice's patient file.

create table staff_accounts (
  id             uuid primary key default gen_random_uuid(),
  role           text not null check (role in ('practitioner', 'secretary')),
  practitioner_id bigint unique references practitioners(id) on delete cascade,  -- the practitioner's own login
  email          text not null check (email = lower(email)),
  phone          text,                                                            -- E.164, for SMS codes
  phone_kind     text check (phone_kind in ('mobile', 'landline')),
  first_name     text not null,
  last_name      text not null,
  password_hash  text,                                                            -- null until the invitation is accepted
  password_changed_at timestamptz,
  language       text not null default 'fr' check (language in ('fr', 'en')),
  created_at     timestamptz not null default now(),
  activated_at   timestamptz,
  check ((role = 'practitioner') = (practitioner_id is not null)),
  check ((phone is null) = (phone_kind is null))
);
create unique index staff_accounts_email on staff_accounts (email);

-- What a secretary may do for a practitioner, set by that practitioner (issue 6).
create table staff_grants (
  secretary_id        uuid not null references staff_accounts(id) on delete cascade,
  practitioner_id     bigint not null references practitioners(id) on delete cascade,
  can_book            boolean not null default true,   -- create, move, cancel appointments; declare no-shows
  can_manage_patients boolean not null default false,  -- block/unblock, notifications off (J4, E4)
  can_edit_settings   boolean not null default false,  -- places, reasons, opening hours, absences, replacements
  granted_at          timestamptz not null,
  primary key (secretary_id, practitioner_id)
);

create table staff_sessions (
  token_hash          bytea primary key,
  staff_id            uuid not null references staff_accounts(id) on delete cascade,
  created_at          timestamptz not null,
  last_seen_at        timestamptz not null,
  idle_expires_at     timestamptz not null,
  absolute_expires_at timestamptz not null
);
create index staff_sessions_staff on staff_sessions (staff_id);

create table staff_trusted_devices (
  token_hash   bytea primary key,
  staff_id     uuid not null references staff_accounts(id) on delete cascade,
  created_at   timestamptz not null,
  last_used_at timestamptz not null,
  expires_at   timestamptz not null
);
create index staff_trusted_devices_staff on staff_trusted_devices (staff_id);

-- Invitation links (set a password, then log in): for a new practitioner login or a secretary.
create table staff_invitations (
  token_hash bytea primary key,
  staff_id   uuid not null references staff_accounts(id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- One-time codes also serve staff logins (a code at every login from a new device).
alter table one_time_codes add column staff_id uuid references staff_accounts(id) on delete cascade;
alter table one_time_codes drop constraint one_time_codes_check;
alter table one_time_codes add constraint one_time_codes_one_owner check (num_nonnulls(signup_id, account_id, staff_id) = 1);
alter table one_time_codes drop constraint one_time_codes_purpose_check;
alter table one_time_codes add constraint one_time_codes_purpose_check
  check (purpose in ('signup_phone', 'login', 'phone_change', 'email_change', 'staff_login'));
create index one_time_codes_staff on one_time_codes (staff_id) where staff_id is not null;

-- A place can stop online booking on its own (the practitioner's switch stays for all places).
alter table places add column online_booking boolean not null default true;

-- Desk and phone bookings (J3) are made on a practice's patient file, linked to a Créneau patient when contacts match.
alter table appointments add column patient_file_id uuid references patient_files(id);
create index appointments_patient_file on appointments (patient_file_id) where patient_file_id is not null;
