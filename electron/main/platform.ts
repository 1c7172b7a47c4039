import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Platform } from '../backend/platform/platform';

const run = promisify(execFile);

/** The system's default printer, as the printing tool (SumatraPDF's helper, or CUPS) sees it. */
async function defaultPrinter(): Promise<string | null> {
  if (process.platform === 'win32') {
    const { getDefaultPrinter } = await import('pdf-to-printer');
    return (await getDefaultPrinter())?.name ?? null;
  }
  const { stdout } = await run('lpstat', ['-d']);
  return /:\s*(\S+)\s*$/.exec(stdout.trim())?.[1] ?? null;
}

/**
 * Printing on Windows goes through pdf-to-printer (SumatraPDF, silent, to the default or a
 * named printer): printing a PDF from a hidden Chromium window is unreliable on the drivers
 * small offices have. Elsewhere CUPS' `lp` does the same job. Only file paths from our own
 * archive reach here, passed as arguments, never through a shell.
 */
export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    async printPdf(file, { paper, printer, copies = 1 }) {
      if (process.platform === 'win32') {
        const { print, getDefaultPrinter } = await import('pdf-to-printer');
        const target = printer ?? (await getDefaultPrinter())?.name ?? null;
        if (!target) throw new Error('no printer');
        // Continuous stationery is a form the dot-matrix driver already has loaded: the PDF's own
        // page size is sent as is rather than a named paper the driver may not know.
        await print(file, { printer: target, ...(paper === 'C241' ? {} : { paperSize: paper }), scale: 'noscale', copies });
        return { printer: target };
      }
      const media = paper === 'C241' ? 'Custom.241x139.7mm' : paper;
      const args = [...(printer ? ['-d', printer] : []), '-n', String(copies), '-o', `media=${media}`, '--', file];
      await run('lp', args);
      return { printer: printer ?? null };
    },
    // Chromium asks the system's own print service, so the names are the ones the spooler and
    // `lp` take. Electron's PrinterInfo no longer says which one is the default, so the tool
    // that prints is asked. Without a window there is nothing to list: the desk
    // then prints to the default.
    async listPrinters() {
      const printers = (await window()?.webContents.getPrintersAsync()) ?? [];
      const systemDefault = await defaultPrinter().catch(() => null);
      return printers.map((p) => ({ name: p.name, isDefault: p.name === systemDefault }));
    },
    async chooseSavePath(defaultName, filters = [{ name: 'PDF', extensions: ['pdf'] }]) {
      const owner = window();
      const options = { defaultPath: defaultName, filters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(filters) {
      const owner = window();
      const options = { filters, properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder() {
      const owner = window();
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showItemInFolder(file) {
      shell.showItemInFolder(file);
    },
    // Only stored attachments reach here (paths the backend built from a hash), never a renderer's path.
    async openFile(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new Error(`the system could not open ${file}: ${problem}`);
    },
  };
}
