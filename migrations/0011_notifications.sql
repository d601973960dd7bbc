-- Notifications (SPEC E1–E5, A7, D2–D5): a transactional outbox. Booking writes the message intents in the same
-- transaction as the appointment change; a worker (src/features/notifications/worker.ts) claims the due ones, re-reads
-- the appointment, renders and sends. No address and no message content is stored here: recipients are resolved and
-- texts rendered when the message fires (an account deleted or a contact changed meanwhile is honoured).
create table notification_intents (
  id               bigint generated always as identity primary key,
  idempotency_key  text not null unique,        -- appointment:kind:role:channel:v<version>; also the email's Message-ID
  appointment_id   uuid not null references appointments(id) on delete cascade,
  kind             text not null check (kind in ('confirmation', 'reminder_7d', 'reminder_24h', 'reminder_sms_48h',
                                                 'reminder_sms_24h', 'moved', 'cancelled', 'no_show')),
  channel          text not null check (channel in ('email', 'sms')),
  role             text not null check (role in ('holder', 'relative')),  -- the account holder, or a relative with own contact (A7)
  version          integer not null,             -- the appointment's calendar sequence when written (see appointment_calendar)
  planned_start    timestamptz not null,         -- the start the message was planned for: a reminder of another time is dropped
  send_at          timestamptz not null,
  state            text not null default 'pending' check (state in ('pending', 'sent', 'dropped', 'failed')),
  attempts         integer not null default 0,   -- claims so far (a worker killed while sending counts too)
  claimed_by       integer,                      -- the worker sending it; its advisory lock proves it alive
  claimed_at       timestamptz,                  -- database clock: the fallback lease of a hung worker
  last_error       text,                         -- error codes only (smtp ECONNECTION 421), never an address or a body
  outcome          text,                         -- why dropped: superseded, appointment_cancelled, notifications_off…
  created_at       timestamptz not null,         -- the booking change's time (app clock)
  done_at          timestamptz                   -- sent, dropped or failed at
);
create index notification_intents_due on notification_intents (send_at) where state = 'pending';
create index notification_intents_appointment on notification_intents (appointment_id);
create index notification_intents_failed on notification_intents (done_at desc) where state = 'failed';

-- The calendar identity of an appointment (RFC 5545): the UID stays the same across moves (a move books a new row),
-- the SEQUENCE grows by one per move; a cancellation is sent with sequence + 1.
create table appointment_calendar (
  appointment_id uuid primary key references appointments(id) on delete cascade,
  uid            text not null,
  sequence       integer not null
);

-- The row a move or an 8-day replacement cancelled points at its successor: the moved message reads the old start,
-- a move drops the old row's pending messages.
create index if not exists appointments_replaced_by on appointments (replaced_by) where replaced_by is not null;

-- Attachments of development-mailbox emails (the .ics invitation): [{ filename, contentType, content }].
alter table dev_mailbox add column attachments jsonb;
