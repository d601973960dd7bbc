/** What every test database starts with, beyond the migrations: the committed reference data. */
import type { Db } from '../../src/platform/db/database.ts';
import { loadReferenceData } from '../../src/features/reference/load-reference-data.ts';

export async function prepareTemplate(db: Db): Promise<void> {
  await loadReferenceData(db);
}
