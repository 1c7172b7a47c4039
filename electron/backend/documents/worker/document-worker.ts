import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { renderJob, warmUpSteps } from '../jobs';
import { configurePdf, warmFontsStep } from '../kit/render';
import type { FromWorker, ToWorker, WorkerError, WorkerSetup } from './protocol';
import { WorkQueue } from './work-queue';

/*
 * The document worker: builds and renders every document off the desk's thread. It gets plain
 * data (kind, data, language, paper), answers the PDF bytes, and warms up between documents.
 */

// pdfmake, pdfkit and fontkit are loaded on every start of the desk: Node keeps their compiled
// code on disk (in the temp folder) and the next start skips compiling them. Absent or
// refused (an older runtime), the worker starts as it would anyway.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);

function serialise(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, details } = error as Error & { code?: unknown; details?: unknown };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof code === 'string' ? { code } : {}),
    ...(details && typeof details === 'object' ? { details: details as Record<string, unknown> } : {}),
  };
}

/** pdfmake set up with the desk's fonts, once; a failure (fonts missing) fails every document. */
let configured: true | { error: unknown } | null = null;
function configure(): void {
  if (configured === null) {
    try {
      configurePdf(setup.fontDir);
      configured = true;
    } catch (error) {
      configured = { error };
    }
  }
  if (configured !== true) throw configured.error;
}

const queue = new WorkQueue((name, error) => post({ type: 'warning', message: `document warm-up (${name}) failed: ${serialise(error).message}` }));

port.on('message', ({ id, job }: ToWorker) => {
  queue.push(async () => {
    try {
      configure();
      const { pdf, pages, missingGlyphs } = await renderJob(job);
      // A copy of just the file's bytes (a Buffer may sit in a larger pool), handed over whole.
      const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
      port.postMessage({ type: 'done', id, pdf: bytes, pages, missingGlyphs } satisfies FromWorker, [bytes]);
    } catch (error) {
      post({ type: 'failed', id, error: serialise(error) });
      return;
    }
    // Characters this document brought that the working font lacks join it while idle.
    queue.background('fonts', () => (configure(), warmFontsStep()));
  });
});

if (setup.warmUp) {
  queue.background('pdfmake', () => (configure(), false));
  warmUpSteps().forEach((step, i) => queue.background(`step ${i + 1}`, () => (configure(), step())));
  queue.background('done', () => (post({ type: 'warmed' }), false));
}

post({ type: 'ready' });
