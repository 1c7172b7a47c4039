import type { z } from 'zod';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { Visit } from '../../../../shared/schemas/maintenance';
import type { BatchJob, BatchPrintRequest, batchJobInput } from '../../../../shared/schemas/maintenance-papers';
import type { ServiceContext } from '../../app/context';
import type { InspectionFormData } from '../../documents/inspection/inspection-form';
import type { BundleMeta } from '../../documents/jobs';
import type { FaultStatsData } from '../../documents/maintenance-papers/fault-stats';
import { AppError, notFound, refusal, refuse } from '../../lib/errors';
import { translator } from '../../../../shared/i18n';
import { archiveDocument } from '../archive/archive';
import { customersForQuarter, faultStatsSource, faultStatsTitle } from './fault-stats';
import { inspectionFormSource } from './papers';
import { listVisits } from './visits';
import { FAULT_STATS_TEMPLATE_VERSION, INSPECTION_FORM_TEMPLATE_VERSION } from '../../documents/template-versions';

/*
 * Batch printing: the blank forms of every visit due in a range (of one technician), or the
 * quarter's statistics sheets of every customer in warranty or under contract, as one file or
 * one file per customer. It runs in the background after `batchPrint:start` answers; the screen
 * polls `batchPrint:status` for its progress (a read like any other, so it needs no second
 * transport) and may `batchPrint:cancel` it. A file is archived only once drawn whole: a cancel,
 * a failure or a restore of the database in between leaves no entry for the file under way
 * (its number is skipped, as for any paper that fails to render); files already finished stay.
 */

/** The longest range of days one batch prints. */
export const MAX_BATCH_DAYS = 366;
/** Finished batches kept for the screen to read back. */
const KEPT_JOBS = 10;

class Cancelled extends Error {
  constructor() {
    super('batch print cancelled');
  }
}

interface Running {
  job: BatchJob;
  cancelled: boolean;
  /** Settles when the batch stops, however it stops (tests and the bench wait on it). */
  finished: Promise<void>;
}

interface Jobs {
  next: number;
  byId: Map<number, Running>;
}

const perDesk = new WeakMap<ServiceContext, Jobs>();

function jobsOf(ctx: ServiceContext): Jobs {
  let jobs = perDesk.get(ctx);
  if (!jobs) perDesk.set(ctx, (jobs = { next: 1, byId: new Map() }));
  return jobs;
}

function snapshot(r: Running): BatchJob {
  return { ...r.job, documents: [...r.job.documents] };
}

/** A paper of the batch, gathered: the customer it is for and the data it is drawn from. */
type Gathered<T> = { customerId: number; customerName: string; data: T };

/** What one batch prints, checked before anything starts. */
async function plan(ctx: ServiceContext, input: BatchPrintRequest): Promise<{ customers: number; ids: { id: number; customerId: number; customerName: string }[] }> {
  if (input.what === 'forms') {
    if (input.to < input.from) throw refuse('maintenancePapers.errors.rangeReversed', {}, 'to');
    const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
    if (days > MAX_BATCH_DAYS) throw refuse('maintenancePapers.errors.rangeTooLong', { days: MAX_BATCH_DAYS }, 'to');
    const visits: Visit[] = await listVisits(ctx, { from: input.from, to: input.to, status: 'due', overdue: false, technicianId: input.technicianId, customerId: null, limit: 100_000 });
    if (visits.length === 0) throw refuse('maintenancePapers.errors.nothingDue', { from: input.from, to: input.to }, 'from');
    // By customer, then by day: a technician's pile reads customer by customer.
    const sorted = [...visits].sort((a, b) => a.customerName.localeCompare(b.customerName, 'zh-CN') || a.customerId - b.customerId || a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
    return { customers: new Set(sorted.map((v) => v.customerId)).size, ids: sorted.map((v) => ({ id: v.id, customerId: v.customerId, customerName: v.customerName })) };
  }
  const customers = await customersForQuarter(ctx, input.year, input.quarter);
  if (customers.length === 0) throw refuse('maintenancePapers.errors.noCustomers', { year: input.year, quarter: input.quarter }, 'quarter');
  return { customers: customers.length, ids: customers.map((id) => ({ id, customerId: id, customerName: '' })) };
}

export async function startBatchPrint(ctx: ServiceContext, input: BatchPrintRequest): Promise<BatchJob> {
  const jobs = jobsOf(ctx);
  if ([...jobs.byId.values()].some((r) => r.job.state === 'running')) throw refusal('CONFLICT', 'maintenancePapers.errors.jobBusy');
  const planned = await plan(ctx, input);
  const jobId = jobs.next++;
  const papers = planned.ids.length;
  const running: Running = {
    job: { jobId, state: 'running', done: 0, total: papers * 2, papers, documents: [], error: null },
    cancelled: false,
    finished: Promise.resolve(),
  };
  jobs.byId.set(jobId, running);
  for (const id of [...jobs.byId.keys()].slice(0, Math.max(0, jobs.byId.size - KEPT_JOBS))) jobs.byId.delete(id);
  // Started inside this request, so the archive rows it writes carry this request's stamp.
  running.finished = run(ctx, running, input, planned.ids).then(
    () => {
      // A cancel that came after the last file was drawn found nothing left to stop.
      running.job.state = 'done';
    },
    (error: unknown) => {
      if (error instanceof Cancelled) {
        running.job.state = 'cancelled';
        return;
      }
      running.job.state = 'failed';
      if (error instanceof AppError && error.details.message) {
        running.job.error = error.details.message as BatchJob['error'];
      } else {
        ctx.logger.error('batch print failed', error instanceof Error ? error.stack : error);
        running.job.error = { key: 'errors.INTERNAL', params: {} };
      }
    },
  );
  return snapshot(running);
}

async function run(ctx: ServiceContext, running: Running, input: BatchPrintRequest, ids: { id: number; customerId: number; customerName: string }[]): Promise<void> {
  const store = ctx.storage.store;
  const check = () => {
    if (running.cancelled) throw new Cancelled();
    // A restore replaced the database under the batch: what it gathered belongs to the old one.
    if (ctx.storage.store !== store) throw refusal('CONFLICT', 'maintenancePapers.errors.storeChanged');
  };
  const step = (n = 1) => {
    running.job.done = Math.min(running.job.total, running.job.done + n);
  };
  const t = translator(input.language);
  const archived = (doc: GeneratedDocument) => {
    running.job.documents.push(doc);
  };

  if (input.what === 'forms') {
    const forms: Gathered<Omit<InspectionFormData, 'number' | 'issuedOn'>>[] = [];
    for (const v of ids) {
      check();
      forms.push({ customerId: v.customerId, customerName: v.customerName, data: await inspectionFormSource(ctx, v.id, false) });
      step();
    }
    const groups = input.split === 'one' ? [forms] : groupByCustomer(forms);
    for (const group of groups) {
      check();
      const first = group[0]!;
      const perCustomer = input.split === 'perCustomer';
      const title = `${t('maintenancePapers.batch.what.forms')} ${input.from}–${input.to}${perCustomer ? ` · ${first.customerName}` : ''}`;
      const meta: BundleMeta = { title, subject: title, author: first.data.settings.companyName };
      archived(
        await archiveDocument(ctx, {
          kind: 'batchPrint',
          recordType: perCustomer ? 'customer' : 'batch',
          recordId: perCustomer ? first.customerId : 0,
          title,
          paper: input.paper,
          language: input.language,
          templateVersion: INSPECTION_FORM_TEMPLATE_VERSION,
          render: async (number, issuedOn) => {
            check();
            // Each form carries the file's number and its place in it: a loose form leads back to its file.
            const rendered = await ctx.documents.render({
              kind: 'inspectionBatch',
              forms: group.map((f, i) => ({ ...f.data, number: `${number}-${String(i + 1).padStart(3, '0')}`, issuedOn })),
              language: input.language,
              paper: input.paper,
              meta,
            });
            check();
            return rendered;
          },
        }),
      );
      step(group.length);
    }
    return;
  }

  const sheets: Gathered<Omit<FaultStatsData, 'number' | 'issuedOn'>>[] = [];
  for (const c of ids) {
    check();
    const data = await faultStatsSource(ctx, c.customerId, input.year, input.quarter);
    sheets.push({ customerId: c.customerId, customerName: data.customer.name, data });
    step();
  }
  if (input.split === 'perCustomer') {
    // One customer's sheet is the same paper as printed from the customer's page.
    for (const sheet of sheets) {
      check();
      archived(
        await archiveDocument(ctx, {
          kind: 'faultStats',
          recordType: 'customer',
          recordId: sheet.customerId,
          title: faultStatsTitle(sheet.data),
          paper: input.paper,
          language: input.language,
          templateVersion: FAULT_STATS_TEMPLATE_VERSION,
          render: async (number, issuedOn) => {
            check();
            const rendered = await ctx.documents.render({ kind: 'faultStats', data: { ...sheet.data, number, issuedOn }, language: input.language, paper: input.paper });
            check();
            return rendered;
          },
        }),
      );
      step();
    }
    return;
  }
  check();
  const title = `${t('maintenancePapers.stats.title')} ${input.year} Q${input.quarter}`;
  const meta: BundleMeta = { title, subject: title, author: sheets[0]!.data.settings.companyName };
  archived(
    await archiveDocument(ctx, {
      kind: 'batchPrint',
      recordType: 'batch',
      recordId: 0,
      title,
      paper: input.paper,
      language: input.language,
      templateVersion: FAULT_STATS_TEMPLATE_VERSION,
      render: async (number, issuedOn) => {
        check();
        const rendered = await ctx.documents.render({
          kind: 'faultStatsBatch',
          sheets: sheets.map((s, i) => ({ ...s.data, number: `${number}-${String(i + 1).padStart(3, '0')}`, issuedOn })),
          language: input.language,
          paper: input.paper,
          meta,
        });
        check();
        return rendered;
      },
    }),
  );
  step(sheets.length);
}

function groupByCustomer<T extends { customerId: number }>(papers: T[]): T[][] {
  const groups = new Map<number, T[]>();
  for (const p of papers) groups.set(p.customerId, [...(groups.get(p.customerId) ?? []), p]);
  return [...groups.values()];
}

function runningJob(ctx: ServiceContext, jobId: number): Running {
  const running = jobsOf(ctx).byId.get(jobId);
  if (!running) throw notFound('maintenancePapers.errors.jobMissing', { id: jobId });
  return running;
}

export async function batchPrintStatus(ctx: ServiceContext, input: z.output<typeof batchJobInput>): Promise<BatchJob> {
  return snapshot(runningJob(ctx, input.jobId));
}

/** Asks the batch to stop: it does before its next paper, or as soon as the file being drawn is done (that file is then dropped). */
export async function cancelBatchPrint(ctx: ServiceContext, input: z.output<typeof batchJobInput>): Promise<BatchJob> {
  const running = runningJob(ctx, input.jobId);
  if (running.job.state === 'running') running.cancelled = true;
  return snapshot(running);
}

/** Settles when the batch has stopped (tests, the bench and the demo wait on it rather than poll). */
export async function batchPrintFinished(ctx: ServiceContext, jobId: number): Promise<BatchJob> {
  const running = runningJob(ctx, jobId);
  await running.finished;
  return snapshot(running);
}
