/**
 * `npm run notifications:failed` lists the messages in the dead letter (given up after their last attempt, or
 * refused for good by the provider): id, when, kind, channel, recipient, attempts, last error (codes only).
 * `npm run notifications:failed -- --retry <id> [<id>…]` or `-- --retry-all` puts them back in the queue (due now,
 * attempts counted afresh) once the cause is fixed; the running worker sends them. `--json` prints JSON.
 * Uses the embedded PostgreSQL (or DATABASE_URL), like `npm start`.
 */
import { parseArgs } from 'node:util';
import { runWithDatabase } from './with-database.ts';
import { listFailedNotifications, retryFailedNotifications } from '../src/features/notifications/index.ts';

const usage = 'usage: npm run notifications:failed [-- --json]\n'
  + '       npm run notifications:failed -- --retry <id> [<id>…]\n'
  + '       npm run notifications:failed -- --retry-all';

const { values, positionals } = parseArgs({
  options: { retry: { type: 'boolean', default: false }, 'retry-all': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if ((values.retry && !positionals.length) || (!values.retry && positionals.length) || (values.retry && values['retry-all'])) {
  console.error(usage);
  process.exit(2);
}

await runWithDatabase(async (db) => {
  if (values.retry || values['retry-all']) {
    const count = await retryFailedNotifications(db, values['retry-all'] ? 'all' : positionals, new Date());
    console.log(`${count} message(s) put back in the queue.`);
    return values.retry && count < positionals.length ? 1 : 0;
  }
  const failed = await listFailedNotifications(db);
  if (values.json) console.log(JSON.stringify(failed, null, 2));
  else if (!failed.length) console.log('No failed message.');
  else {
    console.log(`${failed.length} failed message(s), newest first:`);
    for (const entry of failed) {
      console.log([entry.id, entry.at, entry.kind, entry.channel, entry.to ?? '(no address any more)',
        `${entry.attempts} attempt(s)`, entry.lastError ?? ''].join('  '));
    }
    console.log('Send them again with: npm run notifications:failed -- --retry <id>…  (or --retry-all)');
  }
  return 0;
});
