/**
 * Every write of the practitioner space runs as ONE transaction under the practitioner's agenda lock — the lock
 * online holds and confirmations take, so desk bookings and setting changes queue with them and the exclusion
 * constraint settles any overlap (C8). Once committed, the change is announced, so that the next patient search
 * reads the new agenda instead of a cached one: in this process at once (availability/agenda-changes.ts), in the
 * others by a PostgreSQL notification sent inside the transaction, delivered at commit (agenda-change-listener.ts).
 */
import type { Db } from '../../platform/db/database.ts';
import { announceAgendaChange, notifyAgendaChange } from '../availability/index.ts';
import { inPractitionerTransaction } from '../booking/index.ts';

/** Runs `work` in the practitioner's locked transaction, then announces the change of its agenda. */
export async function inAgendaTransaction<T>(db: Db, practitionerId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  const result = await inPractitionerTransaction(db, practitionerId, async (trx) => {
    const answer = await work(trx);
    await notifyAgendaChange(trx, practitionerId);
    return answer;
  });
  announceAgendaChange(practitionerId);
  return result;
}
