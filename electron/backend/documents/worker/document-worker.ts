import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { renderJob, warmUpSteps } from '../jobs';
import { configurePdf, warmFontsStep } from '../kit/render';
import { AppError } from '../../lib/errors';
import { IdleTrim } from '../../lib/idle-trim';
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
  const base = { name: error.name, message: error.message, stack: error.stack };
  // Only the desk's own refusals keep their code; Node's codes (ENOENT...) stay INTERNAL.
  return error instanceof AppError ? { ...base, code: error.code, details: error.details } : base;
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

/** Background work in the order it pays: set up, the working font, the desk's own papers, then every printed word. */
const FIRST = 0;
const FONTS = 1;
const DESK_PAPERS = 2;
const LAYOUT = 3;
let warmJobs = 0;

/**
 * Characters a paper brought that the working font lacks join it while idle, and the full fonts
 * loaded to print them are let go again (most of the worker's memory). Warm-up papers too: the
 * desk's own customer names are where such characters come from.
 */
function growFonts(): void {
  queue.background('fonts', () => (configure(), warmFontsStep()), FONTS);
}

// Drawing a long pack or a batch grows the heap by tens of MB; a few quiet seconds after, it goes back.
const trim = new IdleTrim({ quietMs: 3_000, growthBytes: 8 * 2 ** 20, isIdle: () => queue.idle });

port.on('message', (message: ToWorker) => {
  trim.touch();
  if ('warm' in message) {
    queue.background(`desk paper ${++warmJobs}`, async () => (configure(), await renderJob(message.warm), growFonts(), false), DESK_PAPERS);
    return;
  }
  const { id, job } = message;
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
    growFonts();
  });
});

if (setup.warmUp) {
  trim.touch();
  queue.background('pdfmake', () => (configure(), false), FIRST);
  const { fonts, layout } = warmUpSteps();
  queue.background('fonts', () => (configure(), fonts()), FONTS);
  layout.forEach((step, i) => queue.background(`layout ${i + 1}`, () => (configure(), step()), LAYOUT));
  queue.background('done', () => (post({ type: 'warmed' }), false), LAYOUT);
}

post({ type: 'ready' });
