-- The practice's patient files, continued (issue 6, SPEC J3, J4, D5).

-- Unblocking a patient forgives the no-shows declared so far: only later ones count toward the third (D5), so a
-- practice can let a patient blocked after three no-shows book online again (J4).
alter table patient_files add column no_shows_forgiven_at timestamptz;

-- « Madame » / « Monsieur » as the practice typed it on a desk or phone patient's file (as on patients, 0006).
alter table patient_files add column civility text check (civility in ('mme', 'm'));
