-- Staff authentication (issue 6): staff security events go to the same audit log as the patients', under their own owner.
alter table security_events add column staff_id uuid references staff_accounts(id) on delete set null;
create index security_events_staff on security_events (staff_id, at) where staff_id is not null;

-- A newer invitation replaces the older ones of the same login: they are found by login.
create index staff_invitations_staff on staff_invitations (staff_id);
