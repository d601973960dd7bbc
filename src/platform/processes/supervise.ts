/**
 * Child processes the server keeps running (forked with an IPC channel): each says `{ ready: true }` once working;
 * one that exits on its own is started again by the restart policy; `stop` ends them all (SIGTERM, then SIGKILL).
 * A child learns of its parent's death by the IPC channel closing (it must stop then: no orphans).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { decideRestart, defaultRestartPolicy, type RestartPolicy } from './restart-policy.ts';

export interface SuperviseOptions {
  /** For log lines: « Créneau: <name> process 1234 exited… ». */
  name: string;
  /** The module each child runs. */
  script: string;
  count: number;
  /** Node options of the children (default: this process's, so that `--import tsx` loads TypeScript). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  restart?: RestartPolicy;
  /** A child not ready by then is killed (and counts as an exit). */
  readyTimeoutMs?: number;
  /** After SIGTERM, how long a child may take to finish its work before SIGKILL. */
  stopTimeoutMs?: number;
  /** Where the restart and give-up lines go (default stderr). */
  log?: (line: string) => void;
}

export interface SupervisedProcesses {
  /** Resolves once every child said it is ready, or its slot gave up; with the number of children ready. */
  ready: Promise<number>;
  /** Process ids of the children running and ready now. */
  pids: () => number[];
  /** No more restarts; SIGTERM to every child, SIGKILL to those still running after `stopTimeoutMs`. */
  stop: () => Promise<void>;
}

export function superviseProcesses(options: SuperviseOptions): SupervisedProcesses {
  const slots = Array.from({ length: options.count }, () => new Slot(options));
  for (const slot of slots) slot.start();
  return {
    ready: Promise.all(slots.map((slot) => slot.firstReady)).then((ready) => ready.filter(Boolean).length),
    pids: () => slots.flatMap((slot) => slot.readyPid()),
    stop: async () => {
      await Promise.all(slots.map((slot) => slot.stop()));
    },
  };
}

/** One child and its successors after restarts. */
class Slot {
  private child: ChildProcess | undefined;
  private ready = false;
  private stopping = false;
  private readonly exitTimes: number[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private settleFirstReady: (ready: boolean) => void = () => undefined;
  /** True once a child of this slot was ready, false if the slot gave up (or stopped) before. */
  readonly firstReady = new Promise<boolean>((resolve) => {
    this.settleFirstReady = resolve;
  });

  constructor(private readonly options: SuperviseOptions) {}

  readyPid(): number[] {
    return this.ready && this.child?.pid !== undefined ? [this.child.pid] : [];
  }

  start(): void {
    this.restartTimer = undefined;
    const child = fork(this.options.script, [], {
      execArgv: this.options.execArgv ?? process.execArgv,
      env: this.options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = false;
    const readyTimeout = setTimeout(() => {
      this.log(`${this.options.name} process ${child.pid} not ready after ${(this.timeoutOf('ready') / 1000).toFixed(0)} s; killing it.`);
      child.kill('SIGKILL');
    }, this.timeoutOf('ready'));
    child.on('message', (message: { ready?: unknown }) => {
      if (message?.ready !== true || this.child !== child) return;
      clearTimeout(readyTimeout);
      this.ready = true;
      this.settleFirstReady(true);
    });
    // An IPC write to a dying child fails with an 'error' event: the 'exit' that follows does the work.
    child.on('error', () => undefined);
    child.once('exit', (code, signal) => {
      clearTimeout(readyTimeout);
      if (this.child === child) this.ready = false;
      if (!this.stopping) this.exited(child, code, signal);
    });
  }

  /** An exit nobody asked for: start it again later, or give up (a crash loop). */
  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    const now = Date.now();
    this.exitTimes.push(now);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const decision = decideRestart(this.options.restart ?? defaultRestartPolicy, this.exitTimes, now);
    if (decision.action === 'give-up') {
      this.log(`${this.options.name} process ${child.pid} exited (${how}), ${decision.recentExits} exits within `
        + `${((this.options.restart ?? defaultRestartPolicy).windowMs / 1000).toFixed(0)} s: no longer restarting it.`);
      this.child = undefined;
      this.settleFirstReady(false);
      return;
    }
    this.log(`${this.options.name} process ${child.pid} exited (${how}); restarting it in ${(decision.afterMs / 1000).toFixed(1)} s.`);
    this.restartTimer = setTimeout(() => this.start(), decision.afterMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.settleFirstReady(false);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => {
      const seconds = (this.timeoutOf('stop') / 1000).toFixed(0);
      this.log(`${this.options.name} process ${child.pid} still running ${seconds} s after SIGTERM; killing it.`);
      child.kill('SIGKILL');
    }, this.timeoutOf('stop'));
    await exit;
    clearTimeout(killer);
  }

  private timeoutOf(what: 'ready' | 'stop'): number {
    return what === 'ready' ? this.options.readyTimeoutMs ?? 60_000 : this.options.stopTimeoutMs ?? 10_000;
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => console.error(`Créneau: ${text}`)))(line);
  }
}
