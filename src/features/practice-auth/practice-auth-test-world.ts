/**
 * The world of this feature's tests: a fresh database with two practitioners, the app on a clock the tests move, a
 * recording delivery, and a browser-like client that keeps the cookies answers set (CSRF included).
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App, type FeatureRoutes } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { testClock, type Clock } from '../../../test/support/booking.ts';
import { insertAgenda, insertReferenceRows } from '../availability/agenda-fixtures.ts';
import { recordingDelivery, type RecordingDelivery } from '../accounts/account-test-support.ts';

export interface PracticeAuthWorld {
  t: TestDatabase;
  app: App;
  clock: Clock;
  delivery: RecordingDelivery;
  /** Two practitioners with an agenda each. */
  practitionerIds: [string, string];
  /** A browser: its own cookie jar (starting with a CSRF token) and client address. */
  browser: (ip?: string) => Promise<Browser>;
  close: () => Promise<void>;
}

export interface Browser {
  ip: string;
  cookies: Map<string, string>;
  request: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, extra?: { csrf?: boolean; headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: object) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
}

let browsers = 0;

export async function practiceAuthWorld(options: { extraRoutes?: FeatureRoutes[] } = {}): Promise<PracticeAuthWorld> {
  const t = await freshDatabase();
  await insertReferenceRows(t.db);
  const first = await insertAgenda(t.db);
  const second = await insertAgenda(t.db);
  const clock = testClock();
  const delivery = recordingDelivery();
  const app = await buildApp({ context: { db: t.db, now: clock.now, delivery }, routes: [...featureRoutes, ...(options.extraRoutes ?? [])] });

  const browser = async (ip = `198.51.100.${(++browsers % 250) + 1}`): Promise<Browser> => {
    const cookies = new Map<string, string>();
    const keep = (res: LightMyRequestResponse) => {
      for (const line of ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? [])) {
        const [pair = ''] = line.split(';');
        const [name = '', value = ''] = pair.split('=');
        if (/Max-Age=0/.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    };
    const request: Browser['request'] = async (method, url, payload, extra = {}) => {
      const headers: Record<string, string> = { ...extra.headers };
      if (cookies.size) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const csrf = cookies.get('__Host-creneau_csrf');
      if (method !== 'GET' && extra.csrf !== false && csrf) headers['x-csrf-token'] = csrf;
      return keep(await app.inject({ method, url, headers, remoteAddress: ip, ...(payload === undefined ? {} : { payload }) }));
    };
    const made: Browser = {
      ip, cookies, request,
      post: (url, payload) => request('POST', url, payload ?? {}),
      get: (url) => request('GET', url),
    };
    await made.get('/api/practice/session');
    return made;
  };

  return {
    t, app, clock, delivery, browser,
    practitionerIds: [first.practitionerId, second.practitionerId],
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}
