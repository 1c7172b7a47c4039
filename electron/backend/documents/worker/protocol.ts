import type { DocumentJob } from '../jobs';

/** What the document worker is started with. */
export interface WorkerSetup {
  /** A folder holding the two font files, or null for the package's. */
  fontDir: string | null;
  /** Warm fonts and layout up at once, in the background. */
  warmUp: boolean;
}

export type ToWorker = { id: number; job: DocumentJob };

/** An error as it crosses from the worker: enough to log it and to keep an AppError's code. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  details?: Record<string, unknown>;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; pdf: ArrayBuffer; pages: number; missingGlyphs: string[] }
  | { type: 'failed'; id: number; error: WorkerError }
  | { type: 'warmed' }
  | { type: 'warning'; message: string };
