/** What every test database starts with, beyond the migrations: the committed reference data. */
import type { Db } from '../../src/platform/db/database.ts';

export async function prepareTemplate(_db: Db): Promise<void> {
  // Reference data (communes, nomenclatures, holidays) is loaded here once it exists.
}
