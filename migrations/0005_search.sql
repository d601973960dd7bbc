-- Search (SPEC B1–B4): what the search queries need to stay fast on 100 000 practitioners.

-- 1. Specialty next to each place, so that « specialty near a point » is one GiST index range
--    (specialty, position) instead of every place in the box joined to its practitioner.
--    Kept by statement triggers (they see rows inserted earlier in the same statement and do not slow COPY down).
--    A trigger's own update fires the update trigger again with nothing left to change, which ends the chain.
alter table places add column specialty_code text references specialties(code);

update places pl set specialty_code = p.specialty_code from practitioners p where p.id = pl.practitioner_id;

create or replace function places_copy_specialty() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from changed_places) then return null; end if;
  update places pl set specialty_code = p.specialty_code
  from changed_places c join practitioners p on p.id = c.practitioner_id
  where pl.id = c.id and pl.specialty_code is distinct from p.specialty_code;
  return null;
end $$;

create trigger places_specialty_on_insert after insert on places
  referencing new table as changed_places for each statement execute function places_copy_specialty();
create trigger places_specialty_on_update after update on places
  referencing new table as changed_places for each statement execute function places_copy_specialty();

create or replace function practitioners_spread_specialty() returns trigger language plpgsql as $$
begin
  update places pl set specialty_code = c.specialty_code
  from changed_practitioners c join previous_practitioners o on o.id = c.id
  where c.specialty_code is distinct from o.specialty_code
    and pl.practitioner_id = c.id and pl.specialty_code is distinct from c.specialty_code;
  return null;
end $$;

create trigger practitioners_specialty_on_update after update on practitioners
  referencing old table as previous_practitioners new table as changed_practitioners for each statement execute function practitioners_spread_specialty();

-- Covering what the search reads of a place, so that dense places (2 400 nurses within 10 km of Paris) are an
-- index-only scan instead of one heap page per place.
create index places_specialty_position on places using gist (specialty_code, ll_to_earth(latitude, longitude))
  include (id, practitioner_id, commune_code, latitude, longitude);

-- 2. Postal codes one per row, so that « 44 » or « 440 » is a prefix range of a btree (SPEC B2 « Où ? »).
create table commune_postal_codes (
  postal_code     text not null,
  commune_code    text not null references communes(code) on delete cascade,
  primary key (commune_code, postal_code)
);
create index commune_postal_codes_prefix on commune_postal_codes (postal_code text_pattern_ops);

insert into commune_postal_codes (postal_code, commune_code)
  select distinct pc, c.code from communes c cross join unnest(c.postal_codes) as pc;

create or replace function communes_list_postal_codes() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from changed_communes) then return null; end if;
  delete from commune_postal_codes cp using changed_communes c where cp.commune_code = c.code;
  insert into commune_postal_codes (postal_code, commune_code)
    select distinct pc, c.code from changed_communes c cross join unnest(c.postal_codes) as pc;
  return null;
end $$;

create trigger communes_postal_codes_on_insert after insert on communes
  referencing new table as changed_communes for each statement execute function communes_list_postal_codes();
create trigger communes_postal_codes_on_update after update on communes
  referencing new table as changed_communes for each statement execute function communes_list_postal_codes();
