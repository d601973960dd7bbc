-- Patient accounts (SPEC A1–A8): logins, the people they book for, and the security machinery around them.
-- Secrets (passwords, codes, session/device/reset tokens) are stored only as hashes.

-- An account is a login: verified phone, email, password. Identity lives on its holder's patient row.
create table accounts (
  id                  uuid primary key default gen_random_uuid(),
  email               text not null check (email = lower(email)),     -- normalised: trimmed, lower case
  email_verified_at   timestamptz,                                   -- set by a confirmed email code (login or change)
  phone               text not null,                                 -- E.164
  phone_kind          text not null check (phone_kind in ('mobile', 'landline')),
  phone_verified_at   timestamptz not null,                          -- A2: no account without a verified phone
  password_hash       text not null,                                 -- argon2id PHC string
  password_changed_at timestamptz not null default now(),
  language            text not null default 'fr' check (language in ('fr', 'en')),
  terms_accepted_at   timestamptz not null,                          -- CGU (A1)
  privacy_accepted_at timestamptz not null,                          -- data-protection notice (A1)
  care_history_enabled boolean not null default false,               -- A8 « Activer l'historique »
  created_at          timestamptz not null default now()
);
create unique index accounts_email_unique on accounts (email);

-- A person appointments are for: the account holder's own record, or a relative (A7).
-- Rows outlive their account (account_id set null, personal data pseudonymised) when appointments need them (D6).
create table patients (
  id               uuid primary key default gen_random_uuid(),
  account_id       uuid references accounts(id) on delete set null,
  is_holder        boolean not null default false,
  civility         text check (civility in ('mme', 'm')),
  first_name       text,
  last_name        text,
  birth_date       date,
  email            text check (email = lower(email)),               -- a relative's own contact (adults only)
  phone            text,                                            -- E.164, a relative's own contact (adults only)
  phone_kind       text check (phone_kind in ('mobile', 'landline')),
  address_line     text,
  postal_code      text,
  city             text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  removed_at       timestamptz,                                     -- a deleted relative: hidden, kept for its appointments
  pseudonymised_at timestamptz,                                     -- personal data erased on account deletion
  check ((phone is null) = (phone_kind is null))
);
create unique index patients_one_holder on patients (account_id) where is_holder;
create index patients_account on patients (account_id) where removed_at is null;

-- A sign-up waiting for its phone code; the account is created only when the code is entered (A1, A2).
create table signups (
  id                  uuid primary key default gen_random_uuid(),
  email               text not null check (email = lower(email)),
  phone               text not null,
  phone_kind          text not null check (phone_kind in ('mobile', 'landline')),
  password_hash       text not null,
  language            text not null check (language in ('fr', 'en')),
  terms_accepted_at   timestamptz not null,
  privacy_accepted_at timestamptz not null,
  created_at          timestamptz not null,
  expires_at          timestamptz not null
);

-- One-time codes (6 digits, hashed, single use, expiring, at most 5 attempts).
create table one_time_codes (
  id           uuid primary key default gen_random_uuid(),
  purpose      text not null check (purpose in ('signup_phone', 'login', 'phone_change', 'email_change')),
  signup_id    uuid references signups(id) on delete cascade,
  account_id   uuid references accounts(id) on delete cascade,
  destination  text not null,                                       -- the phone (E.164) or email the code went to
  channel      text not null check (channel in ('sms', 'voice', 'email')),
  code_hash    text not null,
  attempts     integer not null default 0,
  sent_at      timestamptz not null,
  expires_at   timestamptz not null,
  consumed_at  timestamptz,
  check ((signup_id is null) <> (account_id is null))
);
create index one_time_codes_signup on one_time_codes (signup_id) where signup_id is not null;
create index one_time_codes_account on one_time_codes (account_id, purpose) where account_id is not null;

-- Server-side sessions; the cookie carries a random token whose SHA-256 is the key.
create table sessions (
  token_hash          bytea primary key,
  account_id          uuid not null references accounts(id) on delete cascade,
  remembered          boolean not null default false,
  created_at          timestamptz not null,
  last_seen_at        timestamptz not null,
  idle_expires_at     timestamptz not null,
  absolute_expires_at timestamptz not null
);
create index sessions_account on sessions (account_id);

-- « Se souvenir de moi sur cet appareil »: a device that skips the login code (A4).
create table trusted_devices (
  token_hash   bytea primary key,
  account_id   uuid not null references accounts(id) on delete cascade,
  created_at   timestamptz not null,
  last_used_at timestamptz not null,
  expires_at   timestamptz not null
);
create index trusted_devices_account on trusted_devices (account_id);

-- Password reset links (A5): valid 30 minutes, single use.
create table password_resets (
  token_hash bytea primary key,
  account_id uuid not null references accounts(id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- Fixed-window counters behind the rate limits (per IP, per account or email).
create table rate_limit_hits (
  bucket       text not null,                                       -- e.g. 'login:ip:203.0.113.7'
  window_start timestamptz not null,
  hits         integer not null,
  primary key (bucket, window_start)
);

-- Security events, kept for investigation; no API reads them for patients.
create table security_events (
  id         bigint generated always as identity primary key,
  account_id uuid references accounts(id) on delete set null,
  event      text not null,
  ip         inet,
  at         timestamptz not null,
  details    jsonb not null default '{}'                            -- never health data, never secrets
);
create index security_events_account on security_events (account_id, at);
