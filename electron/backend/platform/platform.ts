import type { Paper } from '../../../shared/schemas/document';
import type { PrinterInfo } from '../../../shared/schemas/printing';

export interface PrintOptions {
  paper: Paper;
  printer?: string | null;
  copies?: number;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the backend needs from the desktop it runs on. Electron implements it in
 * electron/main/platform.ts; tests and the demo implement it themselves.
 */
export interface Platform {
  /** Sends a PDF file to a printer (the default one unless named), `copies` times (1 unless given); answers the printer used. */
  printPdf(file: string, options: PrintOptions): Promise<{ printer: string | null }>;
  /** The printers the system has, the default one marked. */
  listPrinters(): Promise<PrinterInfo[]>;
  /** Asks the user where to save a copy; null when they cancel. */
  chooseSavePath(defaultName: string, filters?: FileFilter[]): Promise<string | null>;
  /** Asks the user for a file to open (an Excel sheet to import); null when they cancel. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  /** Asks the user for a folder (where backups go: a USB stick, a shared drive); null when they cancel. */
  chooseFolder(): Promise<string | null>;
  /** Opens the folder holding a file, with the file selected. */
  showItemInFolder(file: string): Promise<void>;
  /** Opens a file of the desk's own (an attachment) in the system's viewer for its type. */
  openFile(file: string): Promise<void>;
}

export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}
