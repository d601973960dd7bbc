/**
 * Local providers for tests: an in-process SMTP server and an HTTP server speaking Twilio's REST protocol.
 * Real protocols on free loopback ports, so tests exercise the real clients (never imported by the app).
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: Buffer;
}

/**
 * An SMTP server on a free port (or on `port`: a server restarted where the previous one was); with `user`, it
 * requires that login; it refuses the recipient `refuse`.
 */
export async function startSmtpStub(options: { user?: { name: string; password: string }; refuse?: string; port?: number } = {}) {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user?.name && auth.password === options.user?.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (address.address === options.refuse) return callback(Object.assign(new Error('unknown recipient'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  // A client that vanishes (a sender killed with its connections open) resets them: not the server's failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface TwilioRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

/** Twilio's error body: `{ code, message, more_info, status }`. */
function twilioError(status: number, code: number, message: string) {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/**
 * Answers like api.twilio.com: 201 + the new Message/Call with its sid for a well-formed request of account `sid`
 * with token `token`; 401 (code 20003) for bad credentials, 404 for other paths, 400 (code 21211) for a `To` in `invalidTo`.
 * `override` replaces the answer (provider trouble).
 */
export async function startTwilioStub(settings: { sid: string; token: string; invalidTo?: string[] }) {
  const requests: TwilioRequest[] = [];
  let override: { status: number; body: string; contentType: string } | undefined;
  const expectedAuth = `Basic ${Buffer.from(`${settings.sid}:${settings.token}`).toString('base64')}`;

  const answer = (request: TwilioRequest) => {
    if (request.authorization !== expectedAuth) return twilioError(401, 20003, 'Authenticate');
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(request.path);
    if (request.method !== 'POST' || !match || match[1] !== settings.sid) return twilioError(404, 20404, 'The requested resource was not found');
    if (request.contentType !== 'application/x-www-form-urlencoded') return twilioError(400, 20001, 'Unsupported content type');
    const { To: to, From: from } = request.form;
    if (!to || !from) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (settings.invalidTo?.includes(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const isCall = match[2] === 'Calls';
    if (isCall ? !request.form.Twiml : !request.form.Body) return twilioError(400, isCall ? 21205 : 21602, 'Missing content');
    const sid = `${isCall ? 'CA' : 'SM'}${randomBytes(16).toString('hex')}`;
    return {
      status: 201,
      body: {
        sid, account_sid: settings.sid, to, from, status: 'queued', api_version: '2010-04-01',
        uri: `/2010-04-01/Accounts/${settings.sid}/${match[2]}/${sid}.json`, ...(isCall ? {} : { body: request.form.Body }),
      },
    };
  };

  const server = createHttpServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: TwilioRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type']?.split(';')[0],
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    };
    requests.push(request);
    if (override) {
      res.writeHead(override.status, { 'content-type': override.contentType }).end(override.body);
      return;
    }
    const { status, body } = answer(request);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Makes every next answer this one (undefined: back to normal). */
    answerWith(next: typeof override) {
      override = next;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A loopback port on which nothing listens (a provider that is down). */
export async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
