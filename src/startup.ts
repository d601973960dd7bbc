/** First-run data: reference data (communes, nomenclatures, holidays) and the demo dataset. */
import type { Db } from './platform/db/database.ts';
import type { Config } from './platform/config/config.ts';

export async function prepareData(_db: Db, _config: Config): Promise<void> {
  // Filled in by the reference-data and demo features.
}
