import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { translator } from '../../../../shared/i18n';
import type { ImportOpened, ImportPreview, ImportResult, SheetEncoding, SheetFormat } from '../../../../shared/schemas/excel';
import { refuse } from '../../lib/errors';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { analyse, imported, toResult, type AnalysedRow, type SheetInput } from './analyse';
import { writeInSteps } from './import-steps';
import { readLegacyWorkbook, readText, sniffFormat, unreadableReason } from './formats';
import { MAX_IMPORT_ROWS, readWorkbook, sheetFromGrid, sheetSummary, type ParsedSheet } from './read';
import { MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, inspectWorkbookZip, megabytes, type ZipProblem } from './zip-guard';

/** Workbooks opened for import, kept until the desk confirms or opens another. */
interface Session {
  fileName: string;
  sheets: ParsedSheet[];
  opened: Omit<ImportOpened, 'token' | 'sheets'>;
  /** A text file's bytes, to read again in another encoding. */
  text: Buffer | null;
}
const sessions = new WeakMap<ServiceContext, Map<string, Session>>();
function sessionsOf(ctx: ServiceContext) {
  let map = sessions.get(ctx);
  if (!map) sessions.set(ctx, (map = new Map()));
  return map;
}

/** What the open dialog offers: every format the import reads, and each on its own. */
const OPEN_FILTERS = [
  { name: 'sheets.dialog.all', extensions: ['xlsx', 'xls', 'et', 'ods', 'csv', 'txt'] },
  { name: 'sheets.dialog.excel', extensions: ['xlsx', 'xls'] },
  { name: 'sheets.dialog.wps', extensions: ['et'] },
  { name: 'sheets.dialog.ods', extensions: ['ods'] },
  { name: 'sheets.dialog.text', extensions: ['csv', 'txt'] },
];

export async function openImport(ctx: ServiceContext): Promise<ImportOpened | null> {
  const t = translator((await getSettings(ctx)).language);
  // The file comes from the system's open dialog, never from a path the renderer names.
  const file = await ctx.platform.chooseOpenPath(OPEN_FILTERS.map((f) => ({ ...f, name: t(f.name) })));
  if (!file) return null;
  const fileName = basename(file);
  const size = statSync(file).size;
  if (size > MAX_WORKBOOK_BYTES) throw refuse('errors.importFileTooBig', { file: fileName, size: megabytes(size), limit: megabytes(MAX_WORKBOOK_BYTES) });
  return keep(ctx, fileName, await readImportFile(ctx, readFileSync(file), fileName, null));
}

/** The open text file read again in the encoding the clerk chose. */
export async function reopenImport(ctx: ServiceContext, input: { token: string; encoding: SheetEncoding }): Promise<ImportOpened> {
  const session = sessionsOf(ctx).get(input.token);
  if (!session?.text) throw refuse('sheets.notText');
  const read = await readImportFile(ctx, session.text, session.fileName, input.encoding);
  return keep(ctx, session.fileName, { ...read, opened: { ...read.opened, detectedEncoding: session.opened.detectedEncoding } });
}

function keep(ctx: ServiceContext, fileName: string, read: Omit<Session, 'fileName'>): ImportOpened {
  const { sheets } = read;
  if (sheets.length === 0) throw refuse('errors.importEmpty', { file: fileName });
  const tooLong = sheets.find((s) => s.found > MAX_IMPORT_ROWS);
  if (tooLong) throw refuse('errors.importTooManyRows', { file: fileName, sheet: tooLong.name, rows: tooLong.found, limit: MAX_IMPORT_ROWS });
  const token = randomUUID();
  const map = sessionsOf(ctx);
  map.clear();
  map.set(token, { ...read, fileName });
  return { token, sheets: sheets.map(sheetSummary), ...read.opened };
}

const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/**
 * Reads a file by what its bytes say it is, each format only once its sizes are known to be
 * sane: the file's own size is checked by the caller, a zip's inflated size here before any
 * part is inflated; a binary .xls is not packed, so its size on disk is what is read.
 */
async function readImportFile(ctx: ServiceContext, data: Buffer, fileName: string, encoding: SheetEncoding | null): Promise<Omit<Session, 'fileName'>> {
  const format = sniffFormat(data, fileName);
  const opened = (f: SheetFormat) => ({ fileName, format: f, encoding: null, detectedEncoding: null, delimiter: null });
  if (format === 'pdf' || format === 'image' || format === 'zip' || format === 'other') throw refuse(`sheets.notASheet.${format}`, { file: fileName });
  if (format === 'xlsx' || format === 'ods') {
    let problem: ZipProblem | null;
    try {
      problem = await inspectWorkbookZip(data);
    } catch (error) {
      throw unreadable(ctx, fileName, format, error);
    }
    if (problem) {
      ctx.logger.warn('import: workbook refused before inflating', { fileName, problem });
      if (problem.kind === 'unpackedTooBig') {
        throw refuse('errors.importUnpackedTooBig', { file: fileName, size: megabytes(problem.unpackedBytes), limit: megabytes(MAX_UNPACKED_BYTES) });
      }
      throw refuse('errors.importSuspiciousZip', { file: fileName });
    }
  }
  try {
    if (format === 'xlsx') return { sheets: await readWorkbook(data), opened: opened(format), text: null };
    if (format === 'text') {
      const read = await readText(data, fileName.replace(/\.[^.]*$/, '') || fileName, encoding);
      const sheet = sheetFromGrid(read.grid);
      return {
        sheets: sheet ? [sheet] : [],
        opened: { ...opened('csv'), encoding: read.encoding, detectedEncoding: encoding ? null : read.encoding, delimiter: DELIMITERS[read.delimiter] },
        text: data,
      };
    }
    const sheets = (await readLegacyWorkbook(data)).map(sheetFromGrid).filter((s): s is ParsedSheet => s !== null);
    return { sheets, opened: opened(format), text: null };
  } catch (error) {
    // An encrypted .xlsx is a compound file like an .xls: named by its extension, not its bytes.
    const said = format === 'text' ? 'csv' : format === 'xls' && /\.xlsx$/i.test(fileName) ? 'xlsx' : format;
    throw unreadable(ctx, fileName, said, error);
  }
}

/** A file that is what it says but cannot be read: the format and the likely reason, in words. */
function unreadable(ctx: ServiceContext, fileName: string, format: SheetFormat, error: unknown) {
  ctx.logger.warn('import: unreadable file', { fileName, format, error: (error as Error)?.message });
  return refuse(`sheets.unreadable.${unreadableReason(error)}`, { file: fileName, format });
}

export function sheetOf(ctx: ServiceContext, input: Pick<SheetInput, 'token' | 'sheet'>): ParsedSheet | undefined {
  return sessionsOf(ctx).get(input.token)?.sheets.find((s) => s.name === input.sheet);
}

export async function previewImport(ctx: ServiceContext, input: SheetInput): Promise<ImportPreview> {
  const { plans, newModels, categories } = await analyse(ctx, ctx.db, sheetOf(ctx, input), input);
  const ok = plans.filter(imported);
  const firstOk = new Set(ok.slice(0, 200));
  const waiting = (p: AnalysedRow) => p.problems.length === 0 && p.target.kind === 'ambiguous';
  const skipped = (p: AnalysedRow) => p.problems.length === 0 && p.target.kind === 'skipped';
  return {
    // Every row not imported, warned or with a choice to make, and the first good ones for a look: the counts say the rest.
    rows: plans.filter((p) => !imported(p) || p.warnings.length > 0 || p.candidates.length > 0 || firstOk.has(p)).map(toResult),
    total: plans.length,
    okCount: ok.length,
    errorCount: plans.filter((p) => p.problems.length > 0).length,
    // A phone read back from a number cell is said on its row, not counted as a number of someone else's.
    warnedCount: ok.filter((p) => p.warnings.length > p.notes.length).length,
    ambiguousCount: plans.filter(waiting).length,
    skippedCount: plans.filter(skipped).length,
    newCustomers: ok.filter((p) => p.target.kind === 'new').length,
    existingCustomers: ok.filter((p) => p.target.kind === 'existing').length,
    newUnits: ok.filter((p) => p.unit).length,
    newModels: [...newModels.values()].map((m) => `${m.brand} ${m.model}`),
    categories,
  };
}

/**
 * Imports every good row, in steps beside the desk (import-steps.ts), all of them or, on any
 * failure, none, and keeps it as a batch. Every row is checked before the first is written.
 */
export async function commitImport(ctx: ServiceContext, input: SheetInput): Promise<ImportResult> {
  const session = sessionsOf(ctx).get(input.token);
  const analysis = await analyse(ctx, ctx.db, sheetOf(ctx, input), input);
  // Taken while it is written: a second click on "import" finds it gone instead of importing twice.
  sessionsOf(ctx).delete(input.token);
  try {
    return await writeInSteps(ctx, analysis, { fileName: session!.fileName, sheet: input.sheet });
  } catch (error) {
    // Nothing of it was kept: the same sheet can be imported again.
    sessionsOf(ctx).set(input.token, session!);
    throw error;
  }
}
