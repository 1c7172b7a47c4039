import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Paper } from '../../shared/schemas/document';
import type { Logger, Platform } from '../../electron/backend/platform';

/**
 * The test stand-in for the desktop: instead of a printer it keeps a copy of every file sent to
 * print (so a test can open what "came out"), and answers save dialogs with a chosen path.
 */
export class RecordingPlatform implements Platform {
  readonly printed: { file: string; copy: string; paper: Paper; printer: string | null }[] = [];
  readonly shown: string[] = [];
  /** What the next save dialog answers; null means the user cancelled. */
  saveAnswer: string | null = null;

  constructor(private readonly trayDir: string) {}

  async printPdf(file: string, options: { paper: Paper; printer?: string | null }) {
    mkdirSync(this.trayDir, { recursive: true });
    const copy = join(this.trayDir, `${this.printed.length + 1}-${basename(file)}`);
    copyFileSync(file, copy);
    const printer = options.printer ?? 'test-printer';
    this.printed.push({ file, copy, paper: options.paper, printer });
    return { printer };
  }

  async chooseSavePath() {
    return this.saveAnswer;
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
