import { describe, expect, it, vi } from 'vitest';

/**
 * The Electron side of printing, with Electron and the spooler's command line answered by
 * recorders: which arguments reach `lp`, and how the printer list marks the default.
 */
const commands: { cmd: string; args: string[] }[] = [];
vi.mock('electron', () => ({ dialog: {}, shell: {} }));
vi.mock('node:child_process', () => ({
  execFile: (cmd: string, args: string[], done: (error: Error | null, out?: { stdout: string; stderr: string }) => void) => {
    commands.push({ cmd, args });
    done(null, { stdout: cmd === 'lpstat' ? 'system default destination: Office_HP\n' : '', stderr: '' });
  },
}));

const { electronPlatform } = await import('../../electron/main/platform');

const windowWith = (names: string[]) => () => ({ webContents: { getPrintersAsync: async () => names.map((name) => ({ name, displayName: name, description: '', options: {} })) } }) as never;

describe.skipIf(process.platform === 'win32')('the Electron platform (CUPS)', () => {
  it('sends the copies and the named printer to lp, one copy unless told', async () => {
    const platform = electronPlatform(() => null);
    commands.length = 0;
    expect(await platform.printPdf('/tmp/SJD-2026-000001.pdf', { paper: 'A5', printer: 'Office_HP', copies: 2 })).toEqual({ printer: 'Office_HP' });
    await platform.printPdf('/tmp/WXD-2026-000001.pdf', { paper: 'C241' });
    expect(commands).toEqual([
      { cmd: 'lp', args: ['-d', 'Office_HP', '-n', '2', '-o', 'media=A5', '--', '/tmp/SJD-2026-000001.pdf'] },
      { cmd: 'lp', args: ['-n', '1', '-o', 'media=Custom.241x139.7mm', '--', '/tmp/WXD-2026-000001.pdf'] },
    ]);
  });

  it('lists the printers Chromium knows, the system default marked; none without a window', async () => {
    expect(await electronPlatform(windowWith(['Epson_LQ', 'Office_HP'])).listPrinters()).toEqual([
      { name: 'Epson_LQ', isDefault: false },
      { name: 'Office_HP', isDefault: true },
    ]);
    expect(await electronPlatform(() => null).listPrinters()).toEqual([]);
  });
});
