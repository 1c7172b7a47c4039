import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * Giving memory back while the desk sits idle (issue 23: the backend within 200 MB). A V8 heap
 * that grew for a piece of work (a report, an import, a batch of papers) keeps its size until
 * the collector decides to shrink it, and an idle thread may not collect for a long time: the
 * memory is the process's all the same. Once a thread has been quiet a few seconds after such
 * growth, one collection of everything that can go gives the heap's empty pages back.
 */

interface GcOptions {
  type: 'major';
  execution: 'sync';
  /** 'last-resort' is V8's low-memory collection: it compacts and returns emptied pages. */
  flavor?: 'regular' | 'last-resort';
}
type Collector = (options?: GcOptions) => void;

let collector: Collector | null | undefined;

/**
 * The collector, reached the one way Node allows without a start-up flag (and which Electron's
 * main process, where flags come only from the command line, allows too). Null when refused.
 */
function gc(): Collector | null {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as Collector;
    } catch {
      collector = null;
    }
  }
  return collector;
}

/** One full collection now (memory just let go, such as a wasm instance, goes back at once). */
export function collectNow(): void {
  gc()?.({ type: 'major', execution: 'sync' });
}

/** Everything that can go, compacted, and the emptied pages returned to the system. */
export function giveMemoryBack(): void {
  gc()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** This thread's heap and the memory its objects hold outside it (buffers, wasm), in bytes. */
function heldBytes(): number {
  const h = getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

export interface IdleTrimOptions {
  /** How long the thread must be quiet first. */
  quietMs: number;
  /** Growth since the last trim that makes one worth its time (a few tens of ms of collecting). */
  growthBytes: number;
  /** False while work is under way (an answer awaited, a document drawn): the trim waits. */
  isIdle: () => boolean;
  /** The trim itself; the real one unless a test watches it. */
  trim?: () => void;
  /** What the thread holds now; the real figure unless a test sets it. */
  held?: () => number;
  /** Other upkeep for a quiet moment, run at each one whether or not the heap grew. */
  onQuiet?: () => void;
}

/**
 * Trims the thread's memory once it has been quiet `quietMs` after work that grew it. `touch`
 * at every piece of work; the timer never keeps the process alive.
 */
export class IdleTrim {
  private timer: NodeJS.Timeout | null = null;
  /** What the thread held after the last trim: none yet, so the first quiet spell trims. */
  private baseline = 0;
  private stopped = false;
  trims = 0;

  constructor(private readonly options: IdleTrimOptions) {}

  touch(): void {
    if (this.stopped) return;
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.fire(), this.options.quietMs);
      this.timer.unref();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private held(): number {
    return (this.options.held ?? heldBytes)();
  }

  private fire(): void {
    this.timer = null;
    if (this.stopped) return;
    if (!this.options.isIdle()) return this.touch();
    this.options.onQuiet?.();
    if (this.held() - this.baseline < this.options.growthBytes) return;
    (this.options.trim ?? giveMemoryBack)();
    this.trims++;
    this.baseline = this.held();
  }
}
