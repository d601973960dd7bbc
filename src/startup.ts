/** First-run data: reference data (communes, nomenclatures, holidays) and the demo dataset. */
import type { Db } from './platform/db/database.ts';
import type { Config } from './platform/config/config.ts';
import { loadReferenceData } from './features/reference/load-reference-data.ts';
import { seedDemoIfEmpty } from './features/demo/index.ts';
import { demoStaffAllowed, describeDemoStaff, ensureDemoStaff } from './features/practice-auth/index.ts';

export async function prepareData(db: Db, config: Config): Promise<void> {
  await loadReferenceData(db);
  if (config.demoPractitioners > 0) {
    const seeded = await seedDemoIfEmpty(db, { practitioners: config.demoPractitioners });
    if (seeded) {
      console.log(`Créneau: demo data ready, ${seeded.rows.practitioners} practitioners and `
        + `${seeded.rows.appointments} appointments in ${(seeded.timingsMs.total / 1000).toFixed(1)} s`);
    }
  }
  // Practitioner-space logins with a published password: beside demo data only, never in production.
  if (demoStaffAllowed(config)) {
    for (const line of describeDemoStaff(await ensureDemoStaff(db, new Date()))) console.log(`Créneau: ${line}`);
  }
}
