import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type * as SheetJS from '@e965/xlsx';
import type * as Chardet from 'chardet';
import type * as Iconv from 'iconv-lite';
import { giveMemoryBack } from '../../lib/idle-trim';

/*
 * The spreadsheet libraries are loaded the first time a sheet is read or written, not when the
 * desk starts: together they are about 30 MB of the desk's heap and 60 MB of its memory
 * (issue 23), and most days no sheet is touched. The first import or export pays their loading
 * (a few hundred ms). A minute after the last sheet they are let go again: a day with one import
 * in the morning does not carry them until evening.
 *
 * They are loaded with require(), not import(): Node keeps what import() loaded for the life of
 * the process, while a module required can be taken out of require's cache and collected.
 */

/** How long after their last use the libraries are let go (loading them again costs a few hundred ms). */
export const SPREADSHEET_LIBRARIES_IDLE_MS = 60_000;

export interface SheetReaders {
  XLSX: typeof SheetJS;
  detect: (data: Buffer) => string | null;
  decode: (data: Buffer, encoding: string) => string;
}

interface Loaded<T> {
  value: T;
  /** The files the load asked for by name: what the library's modules hang from. */
  roots: string[];
  /** require's cache before the load: modules the desk had already are not the library's to let go. */
  before: Set<string>;
}

let excelJs: Loaded<typeof ExcelJS> | null = null;
let readers: Loaded<SheetReaders> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

/**
 * Modules the libraries need that change the process when they load: graceful-fs wraps
 * process.cwd and fs.close, tmp listens for the process's exit, bluebird hangs its error types
 * on Error. Loaded first, from a require of their own, they stay loaded (a few hundred kB) and
 * never run twice, and nothing of the library is what first required them (Node keeps that
 * link for good). The test of this file finds one missing from the list: the library is then
 * not collected.
 */
const PROCESS_WIDE = ['graceful-fs', 'tmp', 'bluebird'];

/** `load` given a require of its own, which must not outlive the load (its module lists what it loaded). */
function loadTracked<T>(names: string[], load: (req: NodeJS.Require) => T): Loaded<T> {
  const req = createRequire(__filename);
  const fromLibrary = createRequire(req.resolve(names[0]!));
  for (const name of PROCESS_WIDE) {
    try {
      fromLibrary(name);
    } catch {
      // Not what this version of the library needs.
    }
  }
  const before = new Set(Object.keys(req.cache));
  const value = load(req);
  return { value, roots: names.map((name) => req.resolve(name)), before };
}

/**
 * What a cache entry required. Not every entry is a Module: Node's ESM loader files a JSON file
 * it imported as a bare `{ exports, loaded }`, with no `children` (a CI run crashed on one).
 */
function childrenOf(entry: NodeJS.Module | undefined): NodeJS.Module[] {
  return Array.isArray(entry?.children) ? entry.children : [];
}

/**
 * The modules a load brought, as they are now: what hangs from its roots (including what they
 * required since, such as iconv-lite's encoding tables at the first decode), less what the
 * desk had loaded before.
 */
function modulesOf(loaded: Loaded<unknown>, cache: NodeJS.Require['cache']): Set<string> {
  const found = new Set<string>();
  const waiting = [...loaded.roots];
  for (let file = waiting.pop(); file !== undefined; file = waiting.pop()) {
    const module = cache[file];
    if (!module || found.has(file) || loaded.before.has(file)) continue;
    found.add(file);
    waiting.push(...childrenOf(module).map((child) => child.id));
  }
  return found;
}

function used(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    // Only memory is at stake here: whatever goes wrong in letting go must not end the desk
    // (an exception in a timer ends the process), so the libraries then simply stay loaded.
    try {
      releaseSpreadsheetLibraries();
      // Collected now: a desk left alone may not collect for hours, and holds the memory until then.
      giveMemoryBack();
    } catch (error) {
      console.warn('The spreadsheet libraries could not be let go', error);
    }
  }, SPREADSHEET_LIBRARIES_IDLE_MS);
  idleTimer.unref();
}

/** What `load` brings, loaded once; each call is a use, which pushes back the release. */
function library<T>(load: () => Loaded<T>): Promise<T> {
  used();
  try {
    return Promise.resolve(load().value);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** ExcelJS, which writes every .xlsx the desk saves and reads the .xlsx files it imports. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  return library(() => (excelJs ??= loadTracked(['exceljs'], (req) => req('exceljs') as typeof ExcelJS)));
}

/** SheetJS for .xls, .et, .ods and text files; chardet and iconv-lite for their encodings. */
export function loadSheetReaders(): Promise<SheetReaders> {
  return library(() =>
    (readers ??= loadTracked(['@e965/xlsx', '@e965/xlsx/dist/cpexcel', 'chardet', 'iconv-lite'], (req) => {
      const XLSX = req('@e965/xlsx') as typeof SheetJS;
      // Excel 5 / WPS files before BIFF8 keep text in the system's code page (936 on a Chinese
      // PC): SheetJS needs the code page tables to read them.
      XLSX.set_cptable(req('@e965/xlsx/dist/cpexcel'));
      const chardet = req('chardet') as typeof Chardet;
      const iconv = req('iconv-lite') as typeof Iconv;
      return {
        XLSX,
        detect: (data: Buffer) => chardet.detect(data),
        decode: (data: Buffer, encoding: string) => iconv.decode(data, encoding, { stripBOM: true }),
      };
    })),
  );
}

/**
 * Lets the libraries go: out of require's cache and out of the modules that list them, so the
 * collector can take their code and data. A sheet still being read or written keeps the copy it
 * holds; the next one loads them afresh.
 */
export function releaseSpreadsheetLibraries(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const { cache } = createRequire(__filename);
  const files = new Set([...(excelJs ? modulesOf(excelJs, cache) : []), ...(readers ? modulesOf(readers, cache) : [])]);
  excelJs = null;
  readers = null;
  if (files.size === 0) return;
  for (const file of files) delete cache[file];
  // A module left loaded that required one of them since (the desk, after the library) lists it.
  for (const module of Object.values(cache)) {
    const children = childrenOf(module);
    if (children.some((child) => files.has(child.id))) module!.children = children.filter((child) => !files.has(child.id));
  }
}

/** Whether the libraries are loaded now (for tests). */
export function spreadsheetLibrariesLoaded(): { excelJs: boolean; readers: boolean } {
  return { excelJs: excelJs !== null, readers: readers !== null };
}
