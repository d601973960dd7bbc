/**
 * `npm run practice:token -- <practitionerId> [label]`: creates a practice API token for the practitioner and prints
 * it once (only its SHA-256 is stored). `npm run practice:token -- --revoke <token>` revokes one.
 * Uses the embedded PostgreSQL (or DATABASE_URL), like `npm start`.
 */
import { parseArgs } from 'node:util';
import { runWithDatabase } from './with-database.ts';
import { createPracticeToken, revokePracticeToken } from '../src/features/practice-api/index.ts';

const usage = 'usage: npm run practice:token -- <practitionerId> [label]\n'
  + '       npm run practice:token -- --revoke <token>';

const { values, positionals } = parseArgs({ options: { revoke: { type: 'string' } }, allowPositionals: true });
const [practitionerId, ...labelWords] = positionals;
if (values.revoke === undefined && (!practitionerId || !/^[0-9]{1,18}$/.test(practitionerId))) {
  console.error(usage);
  process.exit(2);
}

await runWithDatabase(async (db) => {
  const now = new Date();
  if (values.revoke !== undefined) {
    const revoked = await revokePracticeToken(db, values.revoke.trim(), now);
    console.log(revoked ? 'Token revoked.' : 'No live token matches.');
    return revoked ? 0 : 1;
  }
  const label = labelWords.join(' ').trim() || `token ${now.toISOString()}`;
  const created = await createPracticeToken(db, practitionerId!, label, now);
  if (!created) {
    console.error(`No practitioner has the id ${practitionerId}.`);
    return 1;
  }
  console.error(`Practice token for practitioner ${created.practitionerId} (« ${label} »). It is shown only now; keep it secret:`);
  console.log(created.token);
  console.error('Use it as the header  Authorization: Bearer <token>');
  return 0;
});
