-- The practitioner's agenda and desk bookings (issue 6, SPEC J1–J4): what the practice side reads often.

-- The agenda lists every appointment of a period, cancelled and missed ones included (appointments_practitioner_time
-- only covers live rows, for availability).
create index appointments_practitioner_all on appointments (practitioner_id, starts_at);

-- A practice searches and opens its own patient files (desk and phone bookings, J3).
create index patient_files_practitioner on patient_files (practitioner_id, created_at);

-- J3: a file is linked to a Créneau patient when the typed phone is an account's, or a relative's own contact
-- (emails: accounts_email_unique already serves the holder's; relatives' own emails below).
create index accounts_phone on accounts (phone);
create index patients_own_email on patients (email) where email is not null and removed_at is null;
create index patients_own_phone on patients (phone) where phone is not null and removed_at is null;

-- Weekly hours are read and replaced per place.
create index opening_rules_place on opening_rules (place_id, weekday);
