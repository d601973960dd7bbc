/**
 * The rush of the booking bench over real HTTP: `connections` keep-alive connections, each carrying one patient
 * after another. A patient picks one of the earliest free slots of a vaccination centre (`spread` of them), holds
 * it (POST /api/holds) and confirms it (POST /api/appointments). A 409 refreshes that centre's availability
 * (GET /api/practitioners/:id/availability, as a browser does after « créneau déjà pris ») and tries again, at most
 * `attempts` holds per patient.
 *
 * What patients know of the free slots: the calendars read once before the rush (the page everyone had open when
 * booking opened), kept current by the holds the bench itself sees granted, and replaced by a fresh read after a 409.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRandom } from '../src/features/demo/domain/random.ts';
import type { BenchAgenda, SignedInPatient } from './booking-world.ts';

export interface KnownSlot {
  start: string;
  remaining: number;
}

export interface RushOptions {
  baseUrl: string;
  connections: number;
  patients: readonly SignedInPatient[];
  agendas: readonly BenchAgenda[];
  /** Free slots of each agenda (same order as `agendas`) as read before the rush. */
  known: KnownSlot[][];
  /** First day and number of days of the calendars (the refresh reads the same window). */
  from: string;
  days: number;
  attempts: number;
  spread: number;
  seed: number;
}

export interface RushResult {
  wallMs: number;
  confirmed: number;
  holdMs: number[];
  confirmMs: number[];
  refreshMs: number[];
  /** Status codes seen per call, e.g. { hold: { 201: 4990, 409: 120 } }. */
  statuses: Record<'hold' | 'confirm' | 'refresh', Record<number, number>>;
  /** Refusal codes of the 409s (slot_taken, …). */
  conflictCodes: Record<string, number>;
  /** Patients who found no free slot left, or used all their attempts. */
  noSlotLeft: number;
  outOfAttempts: number;
  networkErrors: number;
  clientCpuMs: number;
}

interface Answer { status: number; body: string }

/** One HTTP request on the lane's own keep-alive connection. */
function send(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The free slots of one agenda's calendar answer, flattened. */
export function slotsOfCalendar(body: string): KnownSlot[] {
  const calendar = JSON.parse(body) as { calendar: { slots: { start: string; remaining: number }[] }[] };
  return calendar.calendar.flatMap((day) => day.slots.map((slot) => ({ start: slot.start, remaining: slot.remaining })));
}

export async function runRush(options: RushOptions): Promise<RushResult> {
  const rng = createRandom(options.seed);
  const random = () => rng.next();
  const known = options.known.map((slots) => slots.map((slot) => ({ ...slot })));
  const result: RushResult = {
    wallMs: 0, confirmed: 0, holdMs: [], confirmMs: [], refreshMs: [],
    statuses: { hold: {}, confirm: {}, refresh: {} }, conflictCodes: {}, noSlotLeft: 0, outOfAttempts: 0, networkErrors: 0, clientCpuMs: 0,
  };
  const count = (call: keyof RushResult['statuses'], status: number) => {
    result.statuses[call][status] = (result.statuses[call][status] ?? 0) + 1;
  };
  const base = new URL(options.baseUrl);
  const holdUrl = new URL('/api/holds', base);
  const confirmUrl = new URL('/api/appointments', base);
  const calendarUrl = (agenda: BenchAgenda) => new URL(
    `/api/practitioners/${agenda.practitionerId}/availability?place=${agenda.placeId}&reason=${agenda.reasonId}&from=${options.from}&days=${options.days}`, base);

  /** An agenda with known free slots: the patient's own choice while it has some, else any other at random. */
  const agendaWithSlots = (preferred: number): number | null => {
    if (known[preferred]!.length) return preferred;
    const open = known.flatMap((slots, i) => (slots.length ? [i] : []));
    return open.length ? open[Math.floor(random() * open.length)]! : null;
  };
  const takeKnown = (agendaIndex: number, start: string) => {
    const slots = known[agendaIndex]!;
    const i = slots.findIndex((slot) => slot.start === start);
    if (i >= 0 && --slots[i]!.remaining <= 0) slots.splice(i, 1);
  };

  /** One patient's journey; returns when booked or given up. */
  const book = async (agent: http.Agent, patient: SignedInPatient, home: number) => {
    for (let attempt = 0; attempt < options.attempts; attempt++) {
      const agendaIndex = agendaWithSlots(home);
      if (agendaIndex === null) { result.noSlotLeft++; return; }
      home = agendaIndex;
      const agenda = options.agendas[agendaIndex]!;
      const slots = known[agendaIndex]!;
      const slot = slots[Math.floor(random() * Math.min(options.spread, slots.length))]!;
      let started = performance.now();
      const held = await send(agent, holdUrl, 'POST', patient.headers, JSON.stringify({
        practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId, start: slot.start,
      }));
      result.holdMs.push(performance.now() - started);
      count('hold', held.status);
      if (held.status === 409) {
        const code = (JSON.parse(held.body) as { code?: string }).code ?? 'none';
        result.conflictCodes[code] = (result.conflictCodes[code] ?? 0) + 1;
        started = performance.now();
        const fresh = await send(agent, calendarUrl(agenda), 'GET', { cookie: patient.headers.cookie! });
        result.refreshMs.push(performance.now() - started);
        count('refresh', fresh.status);
        if (fresh.status === 200) known[agendaIndex] = slotsOfCalendar(fresh.body);
        continue;
      }
      if (held.status !== 201) return;
      takeKnown(agendaIndex, slot.start);
      const holdId = (JSON.parse(held.body) as { hold: { id: string } }).hold.id;
      started = performance.now();
      const confirmed = await send(agent, confirmUrl, 'POST', { ...patient.headers, 'idempotency-key': randomUUID() },
        JSON.stringify({ holdId, patient: { kind: 'self' } }));
      result.confirmMs.push(performance.now() - started);
      count('confirm', confirmed.status);
      if (confirmed.status === 201) result.confirmed++;
      return;
    }
    result.outOfAttempts++;
  };

  let next = 0;
  const lane = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (next < options.patients.length) {
        const patient = options.patients[next++]!;
        try {
          await book(agent, patient, Math.floor(random() * options.agendas.length));
        } catch {
          result.networkErrors++;
        }
      }
    } finally {
      agent.destroy();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, lane));
  result.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.clientCpuMs = (used.user + used.system) / 1000;
  return result;
}

/** The p-th percentile (0–100) of durations, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
