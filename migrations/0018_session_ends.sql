-- Ended sessions are announced to every server process (docs/decisions.md « Accounts — sessions in memory »): each
-- process may remember the sessions it has checked, and must forget them as soon as they end elsewhere. Whatever
-- deletes a session row — logout, « se déconnecter de tous les appareils », a password change or reset, the
-- account's deletion (by cascade), an expired session met at lookup — sends the account's id on this channel at commit.
-- Identical notifications of one transaction are delivered once, so ending 20 sessions of an account sends one.
create function announce_session_end() returns trigger
language plpgsql as $$
begin
  perform pg_notify('creneau_session_ends', old.account_id::text);
  return null;
end $$;

create trigger sessions_announce_end after delete on sessions
  for each row execute function announce_session_end();
