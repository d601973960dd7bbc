-- C9: practices whose own interfaced software accepts each online booking before it is confirmed
-- (docs/api-booking.md « Practices that confirm from their own software »).
alter table practitioners add column confirms_from_software boolean not null default false;

-- A confirmation asked of the practice's software: the hold waits until answer_by (its hold_expires_at is set to it).
-- `request` keeps what booking_confirm needs once accepted (patient, key, referring practitioner, instructions,
-- practice file to link). No foreign key to the hold: a refused or timed-out request outlives its deleted hold, so
-- that the patient's page can tell which it was.
create table pending_confirmations (
  hold_id         uuid primary key,
  practitioner_id bigint not null references practitioners(id) on delete cascade,
  account_id      uuid not null references accounts(id) on delete cascade,
  idempotency_key text not null,
  request         jsonb not null,
  requested_at    timestamptz not null,
  answer_by       timestamptz not null,
  outcome         text check (outcome in ('accepted', 'refused')),
  answered_at     timestamptz
);
create index pending_confirmations_waiting on pending_confirmations (practitioner_id, requested_at) where outcome is null;
create unique index pending_confirmations_key on pending_confirmations (account_id, idempotency_key);
