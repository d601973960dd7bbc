/**
 * A practitioner's secretaries (docs/api-practice.md « Secretaries »): who may act for it and with which rights. A new
 * email gets a secretary login and an invitation; an existing secretary login gets the grant and a notice. Only the
 * practitioner itself gets here (routes.ts checks it).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/errors.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { composeAccountEmail } from '../accounts/account-emails.ts';
import { recordSecurityEvent } from '../accounts/security-events.ts';
import type { Asker } from '../accounts/signup.ts';
import { isUuid } from '../accounts/tokens.ts';
import { practitionerDisplayName } from '../practitioners/index.ts';
import { grantOfRights, rightsOfGrant, type Right } from './domain/rights.ts';
import { AlreadyGranted, EmailOfPractitioner } from './errors.ts';
import { createInvitation, invitationUrl } from './invitations.ts';
import { limitStaffAttempt } from './rate-limits.ts';
import { readStaffContact, readStaffName } from './staff-logins.ts';

type Context = Pick<RouteContext, 'db' | 'delivery' | 'publicUrl'>;

export interface Secretary {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  rights: Right[];
  /** Whether the invitation was accepted (a password is set). */
  activated: boolean;
  grantedAt: string;
}

export interface SecretaryInvitation {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
  rights: Right[];
}

/** The practitioner's secretaries, by last name. */
export async function listSecretaries(db: Db | Transaction<Database>, practitionerId: string, only?: string): Promise<Secretary[]> {
  let query = db
    .selectFrom('staff_grants as g')
    .innerJoin('staff_accounts as s', 's.id', 'g.secretary_id')
    .select(['s.id', 's.email', 's.first_name', 's.last_name', 's.activated_at', 'g.can_book', 'g.can_manage_patients', 'g.can_edit_settings', 'g.granted_at'])
    .where('g.practitioner_id', '=', practitionerId);
  if (only) query = query.where('s.id', '=', only);
  const rows = await query.orderBy('s.last_name').orderBy('s.first_name').orderBy('s.id').execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    rights: rightsOfGrant(row),
    activated: row.activated_at !== null,
    grantedAt: row.granted_at.toISOString(),
  }));
}

/** Grants `rights` to the secretary of this email, creating and inviting its login when new. */
export async function inviteSecretary(context: Context, actor: { staffId: string; practitionerId: string }, input: SecretaryInvitation, asker: Asker): Promise<Secretary> {
  const contact = readStaffContact(input);
  const firstName = readStaffName(input.firstName);
  const lastName = readStaffName(input.lastName);
  await limitStaffAttempt(context.db, 'staffInvitationsPerPractitioner', actor.practitionerId, asker.now);
  return context.db.transaction().execute(async (trx) => {
    const inviter = await inviterName(trx, actor.practitionerId);
    // Created unless it exists (a concurrent invitation of the same email included), then read and locked either way.
    await trx.insertInto('staff_accounts')
      .values({ role: 'secretary', email: contact.email, phone: contact.phone, phone_kind: contact.phoneKind, first_name: firstName, last_name: lastName, language: asker.language })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    const login = await trx.selectFrom('staff_accounts').select(['id', 'role', 'first_name', 'language', 'activated_at'])
      .where('email', '=', contact.email).forUpdate().executeTakeFirstOrThrow();
    if (login.role === 'practitioner') throw new EmailOfPractitioner();
    const granted = await trx.insertInto('staff_grants')
      .values({ secretary_id: login.id, practitioner_id: actor.practitionerId, granted_at: asker.now, ...grantOfRights(input.rights) })
      .onConflict((oc) => oc.columns(['secretary_id', 'practitioner_id']).doNothing())
      .returning('secretary_id')
      .executeTakeFirst();
    if (!granted) throw new AlreadyGranted();
    const invite = login.activated_at === null;
    const link = invite ? invitationUrl(context.publicUrl, await createInvitation(trx, login.id, asker.now)) : `${context.publicUrl}/pro`;
    await recordSecurityEvent(trx, {
      accountId: null, staffId: login.id, event: invite ? 'staff_invited' : 'grant_given', ip: asker.ip, at: asker.now,
      details: { practitionerId: actor.practitionerId, by: actor.staffId, rights: input.rights.join(',') },
    });
    await context.delivery.sendEmail(composeAccountEmail({
      to: contact.email,
      kind: invite ? 'staff_invitation' : 'staff_grant_notice',
      language: login.language,
      subjectKey: invite ? 'practice_auth.invitation.subject' : 'practice_auth.grant.subject',
      textKey: invite ? 'practice_auth.invitation.text' : 'practice_auth.grant.text',
      params: { firstName: login.first_name, inviter, link },
      action: { url: link, labelKey: invite ? 'practice_auth.invitation.button' : 'practice_auth.grant.button' },
    }));
    return secretaryOf(trx, actor.practitionerId, login.id);
  });
}

/** New rights for a secretary of this practitioner (404 when it has no grant here). */
export async function changeSecretaryRights(db: Db, actor: { staffId: string; practitionerId: string }, secretaryId: string, wanted: Right[], asker: Asker): Promise<Secretary> {
  if (!isUuid(secretaryId)) throw new NotFound();
  return db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('staff_grants').set(grantOfRights(wanted))
      .where('secretary_id', '=', secretaryId).where('practitioner_id', '=', actor.practitionerId)
      .executeTakeFirst();
    if (changed.numUpdatedRows === 0n) throw new NotFound();
    await recordSecurityEvent(trx, {
      accountId: null, staffId: secretaryId, event: 'grant_changed', ip: asker.ip, at: asker.now,
      details: { practitionerId: actor.practitionerId, by: actor.staffId, rights: wanted.join(',') },
    });
    return secretaryOf(trx, actor.practitionerId, secretaryId);
  });
}

/** The secretary no longer acts for this practitioner, from its very next request (404 when it had no grant here). */
export async function revokeSecretary(db: Db, actor: { staffId: string; practitionerId: string }, secretaryId: string, asker: Asker): Promise<void> {
  if (!isUuid(secretaryId)) throw new NotFound();
  await db.transaction().execute(async (trx) => {
    const revoked = await trx.deleteFrom('staff_grants')
      .where('secretary_id', '=', secretaryId).where('practitioner_id', '=', actor.practitionerId)
      .executeTakeFirst();
    if (revoked.numDeletedRows === 0n) throw new NotFound();
    await recordSecurityEvent(trx, {
      accountId: null, staffId: secretaryId, event: 'grant_revoked', ip: asker.ip, at: asker.now,
      details: { practitionerId: actor.practitionerId, by: actor.staffId },
    });
  });
}

async function secretaryOf(trx: Db | Transaction<Database>, practitionerId: string, secretaryId: string): Promise<Secretary> {
  const [secretary] = await listSecretaries(trx, practitionerId, secretaryId);
  if (!secretary) throw new Error('the grant just written is missing');
  return secretary;
}

async function inviterName(trx: Transaction<Database>, practitionerId: string): Promise<string> {
  const row = await trx.selectFrom('practitioners').select(['title', 'first_name', 'last_name']).where('id', '=', practitionerId).executeTakeFirstOrThrow();
  return practitionerDisplayName({ title: row.title, firstName: row.first_name, lastName: row.last_name });
}
