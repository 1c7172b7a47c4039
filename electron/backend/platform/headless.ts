import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Paper } from '../../../shared/schemas/document';
import type { Logger, Platform } from './platform';

/**
 * A desktop without a screen or a printer, for the demo and the tests: "printing" puts a copy
 * of the file in a tray folder (so one can open what came out), and save dialogs answer with a
 * path set beforehand.
 */
export class HeadlessPlatform implements Platform {
  readonly printed: { file: string; copy: string; paper: Paper; printer: string | null }[] = [];
  readonly shown: string[] = [];
  /** What the next save dialog answers; null means the user cancelled. */
  saveAnswer: string | null = null;
  /** What the next open dialog answers; null means the user cancelled. */
  openAnswer: string | null = null;
  /** What the next folder dialog answers; null means the user cancelled. */
  folderAnswer: string | null = null;

  constructor(private readonly trayDir: string) {}

  async printPdf(file: string, options: { paper: Paper; printer?: string | null }) {
    mkdirSync(this.trayDir, { recursive: true });
    const copy = join(this.trayDir, `${this.printed.length + 1}-${basename(file)}`);
    copyFileSync(file, copy);
    const printer = options.printer ?? 'tray';
    this.printed.push({ file, copy, paper: options.paper, printer });
    return { printer };
  }

  async chooseSavePath() {
    return this.saveAnswer;
  }

  async chooseOpenPath() {
    return this.openAnswer;
  }

  async chooseFolder() {
    return this.folderAnswer;
  }

  async showItemInFolder(file: string) {
    this.shown.push(file);
  }
}

/** Keeps what the backend logs, so a test can assert that nothing unexpected went wrong. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string; data?: unknown }[] = [];
  info(message: string, data?: unknown) {
    this.lines.push({ level: 'info', message, data });
  }
  warn(message: string, data?: unknown) {
    this.lines.push({ level: 'warn', message, data });
  }
  error(message: string, data?: unknown) {
    this.lines.push({ level: 'error', message, data });
  }
}
