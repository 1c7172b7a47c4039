import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadExcelJs,
  loadSheetReaders,
  releaseSpreadsheetLibraries,
  SPREADSHEET_LIBRARIES_IDLE_MS,
  spreadsheetLibrariesLoaded,
} from '../../electron/backend/domains/excel/libraries';
import { collectNow } from '../../electron/backend/lib/idle-trim';

// Issue 23 (memory): the spreadsheet libraries are let go a minute after the last sheet, and
// truly go: out of require's cache and collected, and loaded afresh for the next sheet.

const { cache } = createRequire(__filename);
/** The library's own files in require's cache (not its nested copies of what stays loaded, such as bluebird). */
const cached = (library: string) => Object.keys(cache).filter((file) => file.split('/node_modules/').at(-1)!.startsWith(`${library}/`));

afterEach(() => {
  vi.useRealTimers();
  releaseSpreadsheetLibraries();
});

/** An .xlsx written by one load of ExcelJS, read back by another: the libraries work after a reload. */
async function roundTrip(text: string): Promise<unknown> {
  const written = new (await loadExcelJs()).Workbook();
  written.addWorksheet('客户').addRow(['客户名称', text]);
  const bytes = await written.xlsx.writeBuffer();
  const read = new (await loadExcelJs()).Workbook();
  await read.xlsx.load(bytes as ArrayBuffer);
  return read.getWorksheet('客户')!.getRow(1).getCell(2).value;
}

describe('the spreadsheet libraries', () => {
  it('leave require\'s cache when let go, are collected, and load afresh for the next sheet', async () => {
    expect(await roundTrip('杭州安信机电')).toBe('杭州安信机电');
    // What the first load did to the process (tmp's exit listener, graceful-fs's wrappers).
    const listeners = process.listenerCount('exit');
    const { cwd } = process;
    const { close } = await import('node:fs');
    const readers = await loadSheetReaders();
    expect(readers.XLSX.utils.sheet_to_json(readers.XLSX.read('名称,电话\n王师傅,13900000000', { type: 'string' }).Sheets.Sheet1!, { header: 1 })).toEqual([
      ['名称', '电话'],
      ['王师傅', 13900000000],
    ]);
    expect(cached('exceljs').length).toBeGreaterThan(0);
    expect(cached('@e965/xlsx').length).toBeGreaterThan(0);
    const first = new WeakRef(await loadExcelJs());

    releaseSpreadsheetLibraries();
    expect(spreadsheetLibrariesLoaded()).toEqual({ excelJs: false, readers: false });
    expect(cached('exceljs')).toEqual([]);
    expect(cached('@e965/xlsx')).toEqual([]);
    expect(cached('chardet')).toEqual([]);
    // Nothing else holds the first copy: the collector takes it (after this turn, as WeakRefs wait).
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectNow();
    expect(first.deref()).toBeUndefined();

    // Loaded again, a new copy that works, and the process is as the first load left it: what
    // changes the process when it loads (graceful-fs, tmp) stayed loaded and did not run twice.
    expect(await roundTrip('第二次')).toBe('第二次');
    expect(await loadExcelJs()).not.toBe(first.deref());
    expect(process.listenerCount('exit')).toBe(listeners);
    expect(process.cwd).toBe(cwd);
    expect((await import('node:fs')).close).toBe(close);
  });

  it('go a minute after the last use, and each use pushes that back', async () => {
    vi.useFakeTimers();
    await loadExcelJs();
    vi.advanceTimersByTime(SPREADSHEET_LIBRARIES_IDLE_MS - 1_000);
    await loadSheetReaders();
    vi.advanceTimersByTime(SPREADSHEET_LIBRARIES_IDLE_MS - 1_000);
    expect(spreadsheetLibrariesLoaded()).toEqual({ excelJs: true, readers: true });
    vi.advanceTimersByTime(1_000);
    expect(spreadsheetLibrariesLoaded()).toEqual({ excelJs: false, readers: false });
    expect(cached('exceljs')).toEqual([]);
  });

  it('are let go when require\'s cache also holds what is not a module (a JSON file the ESM loader imported)', async () => {
    // Node's own import() of a JSON file, not vitest's: Node files it in require's cache as a bare
    // { exports, loaded }, without children. The release once crashed the desk on one (CI, e2e).
    const dir = mkdtempSync(join(tmpdir(), 'json-import-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ name: '整机保修' }));
    const nativeImport = runInThisContext('(url) => import(url, { with: { type: "json" } })', {
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (url: string) => Promise<unknown>;
    await nativeImport(pathToFileURL(file).href);
    expect(cache[file]).toBeDefined();
    expect(cache[file]!.children).toBeUndefined();

    expect(await roundTrip('杭州安信机电')).toBe('杭州安信机电');
    vi.useFakeTimers();
    await loadExcelJs();
    vi.advanceTimersByTime(SPREADSHEET_LIBRARIES_IDLE_MS);
    expect(spreadsheetLibrariesLoaded()).toEqual({ excelJs: false, readers: false });
    expect(cached('exceljs')).toEqual([]);
    expect(cache[file]).toBeDefined();
    delete cache[file];
    rmSync(dir, { recursive: true });
  });
});
