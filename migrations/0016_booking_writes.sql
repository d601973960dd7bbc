-- A hold's and a confirmation's writes, each in one round trip (docs/performance.md « Booking »). The decisions stay
-- in the application (the availability grid, the booking rules, the messages to plan); these functions only do,
-- under the practitioner's advisory lock taken first (as every booking writer does, booking/transaction.ts), the
-- writes that must be atomic, and re-check under it what may have changed since the application read it.
-- Each runs as one statement: a failure (the exclusion constraint's 23P01) rolls every write of it back.

-- Holding a slot (C2, C7, D2): drop the agenda's expired holds and the caller's previous hold with that
-- practitioner, check a move's appointment and a group slot's capacity, insert the held row.
-- A refusal raises, so that the statement's writes (the release included) roll back: SQLSTATE CRNMV when p_moving
-- is not the caller's upcoming appointment with that practitioner, CRFUL when the group slot is full.
create or replace function booking_hold(
  p_practitioner bigint, p_place bigint, p_reason bigint, p_start timestamptz, p_end timestamptz,
  p_expires_at timestamptz, p_now timestamptz,
  p_account uuid, p_token_hash bytea,
  p_release_account uuid, p_release_token bytea,
  p_moving uuid, p_capacity integer, p_new_group text
) returns uuid
language plpgsql as $$
#variable_conflict use_column
declare
  v_group text;
  v_members integer := 0;
  v_id uuid;
begin
  perform pg_advisory_xact_lock(2736328, (p_practitioner % 2147483647)::int4);
  delete from appointments a
   where a.status = 'held' and a.practitioner_id = p_practitioner
     and (a.hold_expires_at <= p_now or a.account_id = p_release_account or a.hold_token_hash = p_release_token);
  if p_moving is not null and not exists (
       select 1 from appointments m
        where m.id = p_moving and m.account_id = p_account and m.practitioner_id = p_practitioner
          and m.status = 'booked' and m.starts_at > p_now) then
    raise exception 'not movable' using errcode = 'CRNMV';
  end if;
  if p_capacity > 1 then
    -- The members of a group session share its slot_group; demo and practice data name theirs their own way.
    select min(a.slot_group), count(*) into v_group, v_members
      from appointments a
     where a.practitioner_id = p_practitioner and a.place_id = p_place and a.reason_id = p_reason
       and a.starts_at = p_start and a.ends_at = p_end and a.status in ('held', 'booked');
    if v_members >= p_capacity then
      raise exception 'group slot full' using errcode = 'CRFUL';
    end if;
  end if;
  insert into appointments as a (practitioner_id, place_id, reason_id, starts_at, ends_at, status, hold_expires_at,
                                 account_id, hold_token_hash, slot_group)
  values (p_practitioner, p_place, p_reason, p_start, p_end, 'held', p_expires_at, p_account, p_token_hash,
          coalesce(v_group, p_new_group, gen_random_uuid()::text))
  returning a.id into v_id;
  return v_id;
end $$;

-- Confirming a hold (C3–C9): the held row becomes the appointment for p_patient, the request key remembers it, the
-- 8-day rule's replaced appointments are cancelled, the practice file recognised by identity is linked, the calendar
-- identity and the message intents planned by the application (p_intents, null: written by the caller) are written.
-- outcome: 'booked', 'replayed' (appointment_id: the answer already given to this key, or this hold booked by the
-- same account), 'expired', 'not_yours', 'patient_gone' (the relative was removed meanwhile), 'key_taken'.
create or replace function booking_confirm(
  p_hold uuid, p_practitioner bigint, p_account uuid, p_token_hash bytea, p_patient uuid, p_key text, p_now timestamptz,
  p_referring bigint, p_instructions_at timestamptz, p_replaced uuid[], p_link_file uuid, p_calendar_uid text,
  p_intents jsonb
) returns table (appointment_id uuid, outcome text)
language plpgsql as $$
#variable_conflict use_column
declare
  v_earlier uuid;
  v_status text;
  v_owner uuid;
begin
  perform pg_advisory_xact_lock(2736328, (p_practitioner % 2147483647)::int4);
  select r.appointment_id into v_earlier from booking_requests r where r.account_id = p_account and r.idempotency_key = p_key;
  if v_earlier is not null then
    return query select v_earlier, 'replayed'::text;
    return;
  end if;
  -- The row lock makes a concurrent removal of the relative wait (relatives-service.ts removeRelative).
  perform 1 from patients pt where pt.id = p_patient and pt.account_id = p_account and pt.removed_at is null for update;
  if not found then
    return query select null::uuid, 'patient_gone'::text;
    return;
  end if;
  update appointments a
     set status = 'booked', hold_expires_at = null, hold_token_hash = null, booked_at = p_now, patient_id = p_patient,
         account_id = p_account, referring_practitioner_id = p_referring, instructions_accepted_at = p_instructions_at
   where a.id = p_hold and a.status = 'held' and a.hold_expires_at > p_now
     and (a.account_id = p_account or (a.account_id is null and a.hold_token_hash = p_token_hash));
  if not found then
    select a.status, a.account_id into v_status, v_owner from appointments a where a.id = p_hold;
    return query select case when v_status = 'booked' and v_owner = p_account then p_hold end,
                        case when v_status = 'booked' and v_owner = p_account then 'replayed'
                             when v_status is null or (v_status = 'held' and (v_owner is null or v_owner = p_account)) then 'expired'
                             when v_status in ('held', 'booked') then 'not_yours'
                             else 'expired' end;
    return;
  end if;
  insert into booking_requests (account_id, idempotency_key, appointment_id, created_at)
  values (p_account, p_key, p_hold, p_now)
  on conflict (account_id, idempotency_key) do nothing;
  if not found then
    -- A twin request with the same key booked on another agenda meanwhile: undo this statement's writes.
    raise exception 'booking key taken' using errcode = 'CRKEY';
  end if;
  if cardinality(p_replaced) > 0 then
    update appointments a set status = 'cancelled', cancelled_at = p_now, cancelled_by = 'patient', replaced_by = p_hold
     where a.id = any(p_replaced) and a.status = 'booked';
  end if;
  if p_link_file is not null then
    update patient_files f set patient_id = p_patient where f.id = p_link_file and f.patient_id is null;
  end if;
  if p_intents is not null then
    insert into appointment_calendar (appointment_id, uid, sequence) values (p_hold, p_calendar_uid, 0)
    on conflict (appointment_id) do nothing;
    insert into notification_intents (idempotency_key, appointment_id, kind, channel, role, version, planned_start, send_at, created_at)
    select i.key, p_hold, i.kind, i.channel, i.role, 0, i.planned_start, i.send_at, p_now
      from jsonb_to_recordset(p_intents) as i(key text, kind text, channel text, role text, planned_start timestamptz, send_at timestamptz)
    on conflict (idempotency_key) do nothing;
  end if;
  return query select p_hold, 'booked'::text;
end $$;
