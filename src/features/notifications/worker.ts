/**
 * The notifications worker: claims due intents from the outbox (claims.ts), re-reads their appointments, renders each
 * message in its recipient's language and sends it through `Delivery`, up to `concurrency` messages at once.
 * Delivery is at least once: an intent is marked sent only after the provider accepted it, so a worker killed
 * between the two sends that message again (docs/decisions.md « Notifications — pipeline » states the bound).
 * A plain polling loop on the outbox rather than pg-boss jobs: the table is already the queue (one row per message,
 * written in the booking transaction), and a dead worker's claims come back at once (its advisory lock is gone).
 */
import { poolOf, type Db } from '../../platform/db/database.ts';
import { DeliveryUnavailable, type Delivery } from '../../platform/delivery/delivery.ts';
import { claimDueIntents, LivenessLock, markDropped, markFailed, markRetry, markSent, type ClaimedIntent } from './claims.ts';
import { composeBatch, type Outgoing } from './compose.ts';
import { judgeFiring } from './firing-rules.ts';
import { defaultRetryPolicy, judgeFailure, type RetryPolicy } from './retry-policy.ts';
import { loadNotificationSubjects, type NotificationSubject } from './subjects.ts';

type Composer = Awaited<ReturnType<typeof composeBatch>>;

export interface NotificationWorkerOptions {
  db: Db;
  delivery: Delivery;
  /** The site's address, for the « Déplacer » / « Annuler » links. */
  publicUrl: string;
  /** The address emails come from (MAIL_FROM's): the invitation's organizer and the Message-ID's domain. */
  senderEmail: string;
  now?: () => Date;
  /** Messages in flight at once (also the bound on duplicates after a crash). */
  concurrency?: number;
  /** Wait between two looks at the outbox when nothing is due. */
  pollMs?: number;
  retry?: RetryPolicy;
  /** A claim older than this is taken back even from a live worker (one stuck for good). */
  leaseSeconds?: number;
  /** Operators' log: failures carry error codes only, never an address or a text. */
  onError?: (message: string) => void;
}

export interface NotificationWorker {
  /** This worker's key in `claimed_by` and in its advisory lock. */
  key: number;
  /** Stops claiming, lets the messages in flight finish, releases the lock. */
  stop: () => Promise<void>;
}

/** Starts a worker on its own dedicated connection (its liveness lock) and the pool of `db` for the work. */
export async function startNotificationWorker(options: NotificationWorkerOptions): Promise<NotificationWorker> {
  const lock = await LivenessLock.take(poolOf(options.db));
  const loop = new WorkerLoop(options, lock);
  const running = loop.run();
  return {
    key: lock.key,
    stop: async () => {
      loop.stop();
      await running;
      lock.release();
    },
  };
}

class WorkerLoop {
  private readonly now: () => Date;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly retry: RetryPolicy;
  private readonly leaseSeconds: number;
  private readonly sentMarks: SentMarks;
  private inFlight = 0;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: NotificationWorkerOptions, private readonly lock: LivenessLock) {
    this.now = options.now ?? (() => new Date());
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.pollMs = options.pollMs ?? 500;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.leaseSeconds = options.leaseSeconds ?? 600;
    this.sentMarks = new SentMarks((ids) => markSent(options.db, ids, this.now()));
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  /** Claims while there is room, sleeps when nothing is due; returns once stopped and drained. */
  async run(): Promise<void> {
    while (!this.stopping) {
      const room = this.concurrency - this.inFlight;
      let claimed: ClaimedIntent[] = [];
      // Claiming for a single free slot at a time would cost one query per message: wait for half the room.
      if (room > 0 && (room * 2 >= this.concurrency || this.inFlight === 0)) {
        claimed = await this.claim(room);
        if (claimed.length) void this.process(claimed);
      }
      if (this.stopping) break;
      // A full claim means more may be due: look again as soon as room frees; otherwise after the poll interval.
      await this.sleep(claimed.length === room && room > 0 ? 0 : this.pollMs);
    }
    while (this.inFlight > 0) await this.sleep(this.pollMs);
  }

  private async claim(limit: number): Promise<ClaimedIntent[]> {
    try {
      // Without the lock our claims would not count: another worker could take the same intents.
      if (!(await this.lock.ensureHeld())) return [];
      return await claimDueIntents(this.options.db, { workerKey: this.lock.key, limit, now: this.now(), leaseSeconds: this.leaseSeconds });
    } catch (error) {
      this.report(`notifications: claiming failed (${errorCode(error)})`);
      return [];
    }
  }

  /** One claimed batch: one read of the appointments, then every message on its own. */
  private async process(batch: ClaimedIntent[]): Promise<void> {
    this.inFlight += batch.length;
    let compose: Composer;
    let subjects: Map<string, NotificationSubject>;
    try {
      subjects = await loadNotificationSubjects(this.options.db, batch.map((intent) => intent.appointmentId));
      compose = await composeBatch(this.options.db, batch, subjects, {
        publicUrl: this.options.publicUrl, senderEmail: this.options.senderEmail, now: this.now(),
      });
    } catch (error) {
      await Promise.all(batch.map((intent) => this.settle(intent, () => this.fail(intent, `read ${errorCode(error)}`))));
      return;
    }
    await Promise.all(batch.map((intent) => this.settle(intent, () => this.fire(intent, subjects, compose))));
  }

  private async fire(intent: ClaimedIntent, subjects: Map<string, NotificationSubject>, compose: Composer): Promise<void> {
    const verdict = judgeFiring(intent, subjects.get(intent.appointmentId), this.now());
    if (!verdict.send) return markDropped(this.options.db, intent.id, verdict.outcome, this.now());
    let outgoing: Outgoing | null;
    try {
      outgoing = await compose(intent, verdict.to);
    } catch (error) {
      return this.fail(intent, `render ${errorCode(error)}`);
    }
    if (!outgoing) return markDropped(this.options.db, intent.id, 'nothing_to_send', this.now());
    try {
      await send(this.options.delivery, outgoing);
    } catch (error) {
      return this.fail(intent, error instanceof DeliveryUnavailable ? error.reason : `send ${errorCode(error)}`);
    }
    await this.sentMarks.add(intent.id);
  }

  /** A failed attempt: retried later with backoff, or the dead letter. */
  private async fail(intent: ClaimedIntent, reason: string): Promise<void> {
    const now = this.now();
    const verdict = judgeFailure(this.retry, intent.attempts, reason, now, Math.random());
    if ('deadLetter' in verdict) {
      this.report(`notifications: intent ${intent.id} (${intent.kind}, ${intent.channel}) failed for good after ${intent.attempts} attempts: ${reason}`);
      return markFailed(this.options.db, intent.id, reason, now);
    }
    return markRetry(this.options.db, intent.id, reason, verdict.retryAt);
  }

  /** Runs one message's work; whatever happens, its slot frees (an unwritten mark is retried by a later claim). */
  private async settle(intent: ClaimedIntent, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.report(`notifications: intent ${intent.id} could not be marked (${errorCode(error)}); it will be claimed again`);
    } finally {
      this.inFlight -= 1;
      this.wake?.();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  private report(message: string): void {
    this.options.onError?.(message);
  }
}

/**
 * « Sent » marks written together, one commit for many messages (a commit waits for the disk). A message keeps its
 * slot until its mark is committed, so the messages accepted by the provider but not yet marked — those a crash
 * would send again — are never more than the worker's concurrency.
 */
class SentMarks {
  private waiting: Array<{ id: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (ids: string[]) => Promise<void>, private readonly maxBatch = 64, private readonly delayMs = 5) {}

  /** Resolves once the mark is committed. */
  add(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      if (this.waiting.length >= this.maxBatch) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
    });
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0);
    if (!batch.length) return;
    try {
      await this.write(batch.map((entry) => entry.id));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}

/** Hands one message to its channel. */
async function send(delivery: Delivery, outgoing: Outgoing): Promise<void> {
  if (outgoing.channel === 'email') await delivery.sendEmail(outgoing.message);
  else await delivery.sendSms(outgoing.message);
}

/** An error's code or name: never its message (it may quote an address). */
function errorCode(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'error';
}
