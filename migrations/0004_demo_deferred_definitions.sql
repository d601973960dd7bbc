-- Indexes and constraints the demo-data loader drops before a bulk load and rebuilds after it
-- (src/features/demo/load/deferred-constraints.ts). A row left here means a load was interrupted:
-- the next seed (or start) truncates the half-loaded demo tables and rebuilds what is listed.
create table demo_deferred_definitions (
  kind        text not null check (kind in ('index', 'primary-key', 'unique', 'constraint', 'foreign-key')),
  table_name  text not null,
  name        text not null,
  definition  text not null,
  primary key (kind, table_name, name)
);
