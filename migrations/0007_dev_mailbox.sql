-- Development mailbox: every message of a channel with no provider configured (the `npm start` default) is kept here
-- and shown at /dev/mailbox (never in production). Holds codes and links in clear: development data only.
create table dev_mailbox (
  id        bigint generated always as identity primary key,
  channel   text not null check (channel in ('email', 'sms', 'voice')),
  kind      text not null,                 -- what the message is ('signup_code'…)
  recipient text not null,                 -- email address or E.164 phone number
  subject   text,                          -- emails only
  text      text not null,                 -- the email's plain-text part, the SMS, or what the voice call reads
  html      text,                          -- emails only
  sent_at   timestamptz not null default now()
);
create index dev_mailbox_recipient on dev_mailbox (lower(recipient), id desc);
