/**
 * `npm run practitioner:invite -- <practitionerId> <email> [phone]`: creates the practitioner's login of the practitioner
 * space when missing (names from the practitioner; an existing login takes this email and phone) and prints an invitation
 * link, valid 7 days, to hand over. For an active login the link resets its password.
 * Uses the embedded PostgreSQL (or DATABASE_URL), like `npm start`.
 */
import { AppError } from '../src/platform/errors.ts';
import { translate } from '../src/platform/i18n/catalogue.ts';
import { createInvitation, ensurePractitionerLogin, invitationUrl } from '../src/features/practice-auth/index.ts';
import { runWithDatabase } from './with-database.ts';

const usage = 'usage: npm run practitioner:invite -- <practitionerId> <email> [phone]';

const [practitionerId, email, phone, ...extra] = process.argv.slice(2);
if (!practitionerId || !email || extra.length > 0 || !/^[0-9]{1,18}$/.test(practitionerId)) {
  console.error(usage);
  process.exit(2);
}

await runWithDatabase(async (db, config) => {
  const now = new Date();
  const link = await db.transaction().execute(async (trx) => {
    const login = await ensurePractitionerLogin(trx, practitionerId, { email, phone: phone ?? null });
    if (!login) return null;
    console.error(login.created ? `Practitioner login created for ${login.email}.` : `Existing practitioner login, now ${login.email}.`);
    return invitationUrl((config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, ''), await createInvitation(trx, login.staffId, now));
  });
  if (!link) {
    console.error(`No practitioner has the id ${practitionerId}.`);
    return 1;
  }
  console.error('Invitation link (valid 7 days, single use; hand it to the practitioner, it sets the password):');
  console.log(link);
  return 0;
},
// Bad email or phone, email of another login: the catalogue's sentence, not a stack.
(error) => (error instanceof AppError ? translate('en', error.messageKey, error.params) : error));
