import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../../shared/result';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../platform/platform';
import type { DocumentJob } from '../jobs';
import type { RenderedDocument } from '../kit/fitting';
import type { FromWorker, ToWorker, WorkerError, WorkerSetup } from './protocol';

/**
 * How long the app's desk may be left alone before the document worker is let go: long enough
 * that a pause in a call keeps it, short enough that a desk nobody is at holds ~100 MB less.
 */
export const DOCUMENT_WORKER_IDLE_STOP_MS = 60_000;

export interface DocumentRendererOptions {
  /**
   * The built worker (`out/main/document-worker.js`, named by the main process). Without it the
   * worker runs the TypeScript sources through tsx: tests, the demo and the bench.
   */
  workerEntry?: string;
  /** A folder holding the two font files instead of the package's. */
  fontDir?: string | null;
  /** Start the worker and warm fonts and layout at once (the app); otherwise at the first document. */
  warmUp?: boolean;
  /**
   * Let the worker go once the desk has been left alone this long (no key or click in the
   * window, no document), and start it again, warming up, when the clerk is back (`wake`).
   * Off when unset. The pages' own refreshes do not keep it: they come whether anyone is there.
   */
  idleStopMs?: number;
  logger: Logger;
}

interface Pending {
  job: DocumentJob;
  resolve: (rendered: RenderedDocument) => void;
  reject: (error: Error) => void;
}

/** An error from the worker as the desk's own: an AppError keeps its code, anything else stays INTERNAL. */
function revive(e: WorkerError): Error {
  const error = e.code ? new AppError(e.code as ErrorCode, e.message, e.details ?? {}) : new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * Renders documents in a worker thread, so that a receipt being drawn never holds the desk's
 * requests (a search, a list) behind it. One worker, documents in the order asked; it warms up
 * in the background between them. The worker is started at once when `warmUp` is set, else with
 * the first document; if it cannot start at all (its file missing from a broken install), the
 * documents are rendered on the desk's thread instead, slower but printed, and the log says so.
 * A worker that stops after starting fails the documents it had (INTERNAL) and is started
 * again for the next one.
 */
export class DocumentRenderer {
  private worker: Worker | null = null;
  private lastWorker: Worker | null = null;
  /** The worker has loaded its code: a stop from now on is a crash, not a failure to start. */
  private started = false;
  /** The worker could not start: documents are drawn on this thread. */
  private fellBack = false;
  private inProcess: Promise<(job: DocumentJob) => Promise<RenderedDocument>> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private isWarm = false;
  private markWarm!: () => void;
  private readonly warmed = new Promise<void>((resolve) => (this.markWarm = resolve)).then(() => {
    this.isWarm = true;
    this.holdWorker();
  });

  /**
   * Sends the desk's own papers to warm up on (see warm-up.ts), set once the desk's data is
   * open; called again each time a worker let go starts warming up anew.
   */
  deskPapers: (() => void) | null = null;

  constructor(private readonly options: DocumentRendererOptions) {
    if (options.warmUp) this.spawn();
    else this.markWarm();
  }

  /**
   * The clerk is at the desk (`desk:active`): a worker let go while the desk was left alone
   * starts again and warms up, so that the paper about to be printed finds it warm.
   */
  wake(): void {
    if (this.closed || this.fellBack) return;
    if (!this.worker && this.options.warmUp && this.options.idleStopMs !== undefined) this.spawn();
    this.keepAlive();
  }

  /**
   * The worker's fonts, layout code and heap are about a hundred MB of the desk's memory (issue
   * 23), needed only while the clerk is at the desk: after `idleStopMs` without the clerk and
   * without a document it is let go. Each sign of the clerk and each document starts the wait again.
   */
  private keepAlive(): void {
    const wait = this.options.idleStopMs;
    if (wait === undefined || !this.worker) return;
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.stopIdle(), wait);
      this.idleTimer.unref();
    }
  }
  private idleTimer: NodeJS.Timeout | null = null;

  private stopIdle(): void {
    this.idleTimer = null;
    const worker = this.worker;
    if (!worker || this.closed) return;
    // Still drawing, or still warming up for the first paper: later.
    if (this.pending.size > 0 || !this.isWarm) return this.keepAlive();
    this.worker = null;
    void worker.terminate();
  }

  /** Where documents are rendered now. */
  get mode(): 'worker' | 'in-process' | 'idle' | 'closed' {
    if (this.closed) return 'closed';
    if (this.fellBack) return 'in-process';
    return this.worker ? 'worker' : 'idle';
  }

  /**
   * Settles once the warm-up is over (at once when there is none). Until then the worker keeps
   * the process alive, which it otherwise never does while idle (a script waiting on this).
   */
  whenWarm(): Promise<void> {
    this.awaitingWarmth = true;
    this.holdWorker();
    return this.warmed;
  }
  private awaitingWarmth = false;

  /** A worker with a document in hand, or awaited to warm up, keeps the process alive. */
  private holdWorker(): void {
    const worker = this.worker;
    if (!worker) return;
    if (this.pending.size > 0 || (this.awaitingWarmth && !this.isWarm)) worker.ref();
    else worker.unref();
  }

  /**
   * The worker's JS heap (used, reserved), the memory outside it (fonts, wasm) and the most V8
   * itself ever took from malloc there (compilers' scratch), in bytes; null when none runs. Read by the bench.
   */
  async heap(): Promise<{ used: number; total: number; external: number; peakMalloced: number } | null> {
    const worker = this.worker;
    if (!worker) return null;
    // An idle worker does not keep the process alive; while it answers, it must.
    worker.ref();
    try {
      const h = await worker.getHeapStatistics();
      return { used: h.used_heap_size, total: h.total_heap_size, external: h.external_memory, peakMalloced: h.peak_malloced_memory };
    } catch {
      // Not running yet (still starting) or any more.
      return null;
    } finally {
      this.holdWorker();
    }
  }

  /** The thread id of the current (or last) worker: -1 once it has stopped, null if none ever ran. */
  get threadId(): number | null {
    return (this.worker ?? this.lastWorker)?.threadId ?? null;
  }

  render(job: DocumentJob): Promise<RenderedDocument> {
    if (this.closed) return Promise.reject(new Error('the desk is closing: no document is rendered'));
    if (!this.fellBack && !this.worker) this.spawn();
    this.keepAlive();
    if (this.fellBack) return this.renderInProcess(job);
    const worker = this.worker!;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      try {
        worker.postMessage({ id, job } satisfies ToWorker);
      } catch (error) {
        // Data that cannot be copied to the worker (a function, say): a bug, reported as such.
        reject(error as Error);
        return;
      }
      this.pending.set(id, { job, resolve, reject });
      this.holdWorker();
    });
  }

  /**
   * Renders `job` in the background only, to warm up on the desk's own kind of paper; nothing
   * is answered. Only into a worker already started: never on the desk's thread.
   */
  warm(job: DocumentJob): void {
    if (this.closed || this.fellBack || !this.worker) return;
    try {
      this.worker.postMessage({ warm: job } satisfies ToWorker);
    } catch (error) {
      this.options.logger.warn(`a warm-up paper could not be sent to the document worker: ${(error as Error).message}`);
    }
  }

  /** Stops the worker; documents still being drawn fail (the desk is closing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    this.failPending(new Error('the desk closed before the document was finished'));
    this.markWarm();
    if (worker) await worker.terminate();
  }

  /** How to start the worker: its built file, or the sources through tsx; null when neither is there. */
  private workerScript(): { script: string; eval: boolean } | null {
    if (this.options.workerEntry) return { script: this.options.workerEntry, eval: false };
    if (!__filename.endsWith('.ts')) return null;
    let tsx: string;
    try {
      tsx = createRequire(__filename).resolve('tsx/cjs/api');
    } catch {
      return null;
    }
    const entry = join(__dirname, 'document-worker.ts');
    return { script: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});`, eval: true };
  }

  private spawn(): void {
    const start = this.workerScript();
    if (!start) return this.fallBack('no worker file to start (a bundle started without workerEntry)');
    const setup: WorkerSetup = { fontDir: this.options.fontDir ?? null, warmUp: this.options.warmUp ?? false };
    let worker: Worker;
    try {
      // No flags inherited: the worker loads its own code, whatever loader the process was
      // started with (tsx's CLI hooks, vitest's), and starts no faster carrying them.
      worker = new Worker(start.script, { eval: start.eval, workerData: setup, name: 'documents', execArgv: [] });
    } catch (error) {
      return this.fallBack((error as Error).message);
    }
    const again = this.lastWorker !== null;
    this.worker = worker;
    this.lastWorker = worker;
    this.started = false;
    this.holdWorker();
    this.keepAlive();
    if (again && this.options.warmUp) this.deskPapers?.();
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onStop(worker, error));
    worker.on('exit', (code) => this.onStop(worker, new Error(`the document worker stopped (exit code ${code})`)));
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    switch (message.type) {
      case 'ready':
        this.started = true;
        return;
      case 'warmed':
        this.markWarm();
        return;
      case 'warning':
        this.options.logger.warn(message.message);
        return;
      case 'done':
      case 'failed': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        this.holdWorker();
        if (message.type === 'done') pending.resolve({ pdf: Buffer.from(message.pdf), pages: message.pages, missingGlyphs: message.missingGlyphs });
        else pending.reject(revive(message.error));
      }
    }
  }

  private onStop(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = null;
    if (!this.started) return this.fallBack(error.message);
    this.options.logger.error('the document worker stopped', error.stack ?? error.message);
    this.failPending(error);
    this.markWarm();
  }

  /** The worker cannot start: documents are drawn on this thread, including those already waiting. */
  private fallBack(reason: string): void {
    this.options.logger.warn(`documents are rendered on the desk's thread: the document worker could not start (${reason})`);
    this.fellBack = true;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { job, resolve, reject } of waiting) this.renderInProcess(job).then(resolve, reject);
    this.markWarm();
  }

  private async renderInProcess(job: DocumentJob): Promise<RenderedDocument> {
    // Loaded only now: the desk's thread never holds pdfmake and the fonts unless it must.
    this.inProcess ??= Promise.all([import('../jobs'), import('../kit/render')]).then(([{ renderJob }, { configurePdf }]) => {
      configurePdf(this.options.fontDir);
      return renderJob;
    });
    const render = await this.inProcess;
    return render(job);
  }

  private failPending(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}
