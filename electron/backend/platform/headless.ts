import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Paper } from '../../../shared/schemas/document';
import type { PrinterInfo } from '../../../shared/schemas/printing';
import type { Logger, Platform, PrintOptions } from './platform';

/**
 * A desktop without a screen or a printer, for the demo and the tests: "printing" puts a copy
 * of the file in a tray folder (so one can open what came out), and save dialogs answer with a
 * path set beforehand.
 */
export class HeadlessPlatform implements Platform {
  readonly printed: { file: string; copy: string; paper: Paper; printer: string | null; copies: number }[] = [];
  /** The printers this desk "has": the tray is the default; a test may take one away. */
  printers: PrinterInfo[] = [
    { name: 'tray', isDefault: true },
    { name: 'HP LaserJet Pro M404', isDefault: false },
    { name: 'Epson LQ-630KII', isDefault: false },
  ];
  readonly shown: string[] = [];
  /** The files "opened in the system's viewer", in order. */
  readonly opened: string[] = [];
  /** What the next save dialog answers; null means the user cancelled. */
  saveAnswer: string | null = null;
  /** What the next open dialog answers; null means the user cancelled. */
  openAnswer: string | null = null;
  /** What the next folder dialog answers; null means the user cancelled. */
  folderAnswer: string | null = null;

  constructor(private readonly trayDir: string) {}

  async printPdf(file: string, options: PrintOptions) {
    mkdirSync(this.trayDir, { recursive: true });
    const copy = join(this.trayDir, `${this.printed.length + 1}-${basename(file)}`);
    copyFileSync(file, copy);
    const printer = options.printer ?? this.printers.find((p) => p.isDefault)?.name ?? null;
    this.printed.push({ file, copy, paper: options.paper, printer, copies: options.copies ?? 1 });
    return { printer };
  }

  async listPrinters() {
    return this.printers.map((p) => ({ ...p }));
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

  async openFile(file: string) {
    this.opened.push(file);
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
