/** What the web app knows of the signed-in staff login (docs/api-practice.md « Shapes »: StaffView). */
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { rights } from './domain/rights.ts';
import { listActingFor, type StaffSignedIn } from './staff-session.ts';

export const rightSchema = z.enum(rights, { error: 'practice_auth.error.right_unknown' });

export const actingForSchema = z.object({
  id: z.string(),
  name: z.string().meta({ description: '« Dr Hélène Dupont »' }),
  rights: z.array(rightSchema),
});

export const staffViewSchema = z.object({
  id: z.string(),
  role: z.enum(['practitioner', 'secretary']),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  practitioners: z.array(actingForSchema),
});

export type StaffView = z.infer<typeof staffViewSchema>;

/** The login's names and email with the practitioners it acts for; undefined when the login is gone. */
export async function readStaffView(db: Db, staff: StaffSignedIn): Promise<StaffView | undefined> {
  const row = await db
    .selectFrom('staff_accounts')
    .select(['id', 'role', 'first_name', 'last_name', 'email'])
    .where('id', '=', staff.staffId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    role: row.role,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    practitioners: await listActingFor(db, staff),
  };
}
