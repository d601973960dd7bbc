/** First-run data: reference data (communes, nomenclatures, holidays) and the demo dataset. */
import type { Db } from './platform/db/database.ts';
import type { Config } from './platform/config/config.ts';
import { loadReferenceData } from './features/reference/load-reference-data.ts';

export async function prepareData(db: Db, _config: Config): Promise<void> {
  await loadReferenceData(db);
  // The demo dataset comes next.
}
