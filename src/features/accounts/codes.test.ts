import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createTestAccount } from '../../../test/support/accounts.ts';
import type { Delivery, TextMessage, EmailMessage } from '../../platform/delivery/delivery.ts';
import { sendCode, verifyCode } from './codes.ts';
import { CodeExpired, WrongCode } from './errors.ts';

describe('accounts: one-time codes service', () => {
  let t: TestDatabase;
  const sent: (TextMessage | EmailMessage)[] = [];
  const recording: Delivery = {
    sendEmail: async (m) => { sent.push(m); },
    sendSms: async (m) => { sent.push(m); },
    callVoice: async (m) => { sent.push(m); },
  };
  const now = new Date('2026-03-02T08:00:00Z');
  before(async () => {
    t = await freshDatabase();
  });
  after(async () => t.drop());

  const newCode = async (destination: string) => {
    const account = await createTestAccount(t.db);
    const codeSent = await sendCode(t.db, { db: t.db, delivery: recording }, {
      purpose: 'phone_change', accountId: account.accountId, destination, channel: 'sms', language: 'fr', now,
    });
    const code = sent.at(-1)!.text.match(/\d{6}/)![0];
    return { codeSent, code, owner: { accountId: account.accountId } };
  };

  it('stores only a hash of the code', async () => {
    const { codeSent, code } = await newCode('+33611111111');
    const row = await t.db.selectFrom('one_time_codes').selectAll().where('id', '=', codeSent.id).executeTakeFirstOrThrow();
    assert.notEqual(row.code_hash, code);
    assert.doesNotMatch(row.code_hash, new RegExp(code));
  });

  it('writes the SMS in the language asked', async () => {
    const account = await createTestAccount(t.db);
    await sendCode(t.db, { db: t.db, delivery: recording }, {
      purpose: 'phone_change', accountId: account.accountId, destination: '+33611111112', channel: 'sms', language: 'en', now,
    });
    assert.match(sent.at(-1)!.text, /^Créneau: your code is \d{6}\. It expires in 15 minutes\./);
  });

  it('counts every one of concurrent wrong attempts, so that a burst cannot guess past 5 tries', async () => {
    const { codeSent, code, owner } = await newCode('+33611111113');
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => verifyCode(t.db, { id: codeSent.id, purpose: 'phone_change', code: wrong, now, owner })),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason.constructor.name : 'accepted'));
    assert.equal(reasons.filter((r) => r === WrongCode.name).length, 4);
    assert.equal(reasons.filter((r) => r === CodeExpired.name).length, 4);
    await assert.rejects(verifyCode(t.db, { id: codeSent.id, purpose: 'phone_change', code, now, owner }), CodeExpired);
  });

  it('accepts the right code once', async () => {
    const { codeSent, code, owner } = await newCode('+33611111114');
    const row = await verifyCode(t.db, { id: codeSent.id, purpose: 'phone_change', code, now, owner });
    assert.equal(row.destination, '+33611111114');
    await assert.rejects(verifyCode(t.db, { id: codeSent.id, purpose: 'phone_change', code, now, owner }), CodeExpired);
  });

  it('refuses a code of another account', async () => {
    const { codeSent, code } = await newCode('+33611111115');
    const stranger = await createTestAccount(t.db);
    await assert.rejects(
      verifyCode(t.db, { id: codeSent.id, purpose: 'phone_change', code, now, owner: { accountId: stranger.accountId } }),
      CodeExpired,
    );
  });

  it('refuses to run inside a transaction, where a wrong attempt would be rolled back and forgotten', async () => {
    const { codeSent, code, owner } = await newCode('+33611111116');
    await assert.rejects(
      t.db.transaction().execute((trx) => verifyCode(trx as never, { id: codeSent.id, purpose: 'phone_change', code, now, owner })),
      /needs the Db itself/,
    );
  });
});
