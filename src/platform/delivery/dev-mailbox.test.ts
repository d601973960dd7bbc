import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { devMailboxDelivery } from './dev-mailbox.ts';
import { DeliveryUnavailable } from './delivery.ts';
import { openDatabase } from '../db/database.ts';

describe('delivery: the development mailbox', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase(2);
  });
  after(async () => {
    await t.drop();
  });

  it('keeps an email with both parts, its subject and the app clock time', async () => {
    const delivery = devMailboxDelivery(t.db, () => new Date('2026-03-01T10:00:00Z'));
    await delivery.sendEmail({ to: 'léa@example.fr', subject: 'Votre code', text: 'Code : 123456', html: '<p>Code : <b>123456</b></p>', kind: 'login_code' });
    const rows = await t.db.selectFrom('dev_mailbox').selectAll().where('recipient', '=', 'léa@example.fr').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.channel, 'email');
    assert.equal(rows[0]?.subject, 'Votre code');
    assert.equal(rows[0]?.text, 'Code : 123456');
    assert.equal(rows[0]?.html, '<p>Code : <b>123456</b></p>');
    assert.equal(rows[0]?.kind, 'login_code');
    assert.equal(rows[0]?.sent_at.toISOString(), '2026-03-01T10:00:00.000Z');
  });

  it('keeps an SMS and a voice call as text on their own channel', async () => {
    const delivery = devMailboxDelivery(t.db);
    await delivery.sendSms({ to: '+33612345678', text: 'Créneau : votre code est 654321', kind: 'signup_code' });
    await delivery.callVoice({ to: '+33145678901', text: 'Votre code est 111222', kind: 'signup_code' });
    const rows = await t.db.selectFrom('dev_mailbox').select(['channel', 'recipient', 'text', 'subject', 'html'])
      .where('recipient', 'in', ['+33612345678', '+33145678901']).orderBy('id').execute();
    assert.deepEqual(rows, [
      { channel: 'sms', recipient: '+33612345678', text: 'Créneau : votre code est 654321', subject: null, html: null },
      { channel: 'voice', recipient: '+33145678901', text: 'Votre code est 111222', subject: null, html: null },
    ]);
  });

  it('reports DeliveryUnavailable when the database does not answer', async () => {
    const unreachable = openDatabase('postgres://postgres:x@127.0.0.1:1/none', 1);
    const delivery = devMailboxDelivery(unreachable.db);
    await assert.rejects(delivery.sendSms({ to: '+33612345678', text: 'x', kind: 'signup_code' }), DeliveryUnavailable);
    await unreachable.close();
  });
});
