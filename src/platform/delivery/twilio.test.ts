import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spellDigits, twilioTextSender, voiceTwiml } from './twilio.ts';
import { DeliveryUnavailable } from './delivery.ts';
import { closedPort, startTwilioStub } from './testing.ts';

const sid = 'AC0123456789abcdef0123456789abcdef';
const token = 'a-secret-token';

describe('delivery: SMS and voice calls through the Twilio protocol', () => {
  let stub: Awaited<ReturnType<typeof startTwilioStub>>;
  before(async () => {
    stub = await startTwilioStub({ sid, token, invalidTo: ['+3361'] });
  });
  beforeEach(() => {
    stub.requests.length = 0;
    stub.answerWith(undefined);
  });
  after(async () => {
    await stub.close();
  });

  const sender = () => twilioTextSender({ accountSid: sid, authToken: token, from: '+33939000000', apiUrl: stub.url });

  it('creates a Message with To, From and Body, form-encoded, authenticated with the account sid and token', async () => {
    await sender().sendSms({ to: '+33612345678', text: 'Créneau : votre code est 482913 (valable 15 min).', kind: 'signup_code' });
    assert.equal(stub.requests.length, 1);
    const request = stub.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/2010-04-01/Accounts/${sid}/Messages.json`);
    assert.equal(request?.authorization, `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`);
    assert.equal(request?.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(request?.form, { To: '+33612345678', From: '+33939000000', Body: 'Créneau : votre code est 482913 (valable 15 min).' });
  });

  it('creates a Call whose TwiML says the text twice in French, the code digit by digit', async () => {
    await sender().callVoice({ to: '+33145678901', text: 'Votre code Créneau est 482913.', kind: 'signup_code' });
    const request = stub.requests[0];
    assert.equal(request?.path, `/2010-04-01/Accounts/${sid}/Calls.json`);
    assert.equal(request?.form.To, '+33145678901');
    assert.equal(request?.form.From, '+33939000000');
    const say = '<Say language="fr-FR">Votre code Créneau est 4 8 2 9 1 3.</Say>';
    assert.equal(request?.form.Twiml, `<Response>${say}<Pause length="1"/>${say}</Response>`);
  });

  it('reads an English text with an English voice', async () => {
    await sender().callVoice({ to: '+441632960961', text: 'Your code is 12', kind: 'signup_code', language: 'en' });
    assert.match(stub.requests[0]?.form.Twiml ?? '', /<Say language="en-GB">Your code is 1 2<\/Say>/);
  });

  it("reports DeliveryUnavailable with Twilio's error code, never the number it quotes", async () => {
    await assert.rejects(sender().sendSms({ to: '+3361', text: 'x', kind: 'signup_code' }), (error: unknown) => {
      assert.ok(error instanceof DeliveryUnavailable);
      assert.equal(error.channel, 'sms');
      assert.equal(error.reason, 'twilio http 400 code 21211');
      return true;
    });
  });

  it('reports DeliveryUnavailable when the credentials are refused', async () => {
    const wrong = twilioTextSender({ accountSid: sid, authToken: 'wrong', from: '+33939000000', apiUrl: stub.url });
    await assert.rejects(wrong.callVoice({ to: '+33145678901', text: 'code 1', kind: 'signup_code' }), (error: unknown) =>
      error instanceof DeliveryUnavailable && error.channel === 'voice' && error.reason === 'twilio http 401 code 20003');
  });

  it('reports DeliveryUnavailable for a provider error page without JSON', async () => {
    stub.answerWith({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' });
    await assert.rejects(sender().sendSms({ to: '+33612345678', text: 'x', kind: 'signup_code' }), (error: unknown) =>
      error instanceof DeliveryUnavailable && error.reason === 'twilio http 503');
  });

  it('reports DeliveryUnavailable for a 200 that did not create anything (no sid)', async () => {
    stub.answerWith({ status: 200, contentType: 'text/html', body: '<html>captive portal</html>' });
    await assert.rejects(sender().sendSms({ to: '+33612345678', text: 'x', kind: 'signup_code' }), DeliveryUnavailable);
  });

  it('reports DeliveryUnavailable when the provider cannot be reached', async () => {
    const down = twilioTextSender({ accountSid: sid, authToken: token, from: '+33939000000', apiUrl: `http://127.0.0.1:${await closedPort()}` });
    await assert.rejects(down.sendSms({ to: '+33612345678', text: 'x', kind: 'signup_code' }), (error: unknown) =>
      error instanceof DeliveryUnavailable && error.reason === 'twilio ECONNREFUSED');
  });
});

describe('delivery: the TwiML of a voice call', () => {
  it('escapes XML so that a text cannot inject TwiML verbs', () => {
    const twiml = voiceTwiml('Dr <Dial>+33600000000</Dial> & "Fils" l\'ami', 'fr');
    assert.doesNotMatch(twiml, /<Dial>/);
    assert.match(twiml, /Dr &lt;Dial&gt;\+3 3 6 0 0 0 0 0 0 0 0&lt;\/Dial&gt; &amp; &quot;Fils&quot; l&apos;ami/);
  });

  it('drops control characters that XML cannot carry', () => {
    assert.match(voiceTwiml('code\u0000 12\u001F', 'fr'), /<Say language="fr-FR">code 1 2<\/Say>/);
  });

  it('spells every number of two digits or more, leaving single digits and words alone', () => {
    assert.equal(spellDigits('Code 042 913, 5 minutes'), 'Code 0 4 2 9 1 3, 5 minutes');
  });
});
