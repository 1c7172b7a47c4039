import type { DocumentKind } from '../../../../shared/schemas/document';
import { DOCUMENT_KINDS, KIND_PAPERS } from '../../../../shared/schemas/document';
import { DEFAULT_PRINT_SETUP, type PrinterInfo, type PrintingSettings, type PrintSetup } from '../../../../shared/schemas/printing';
import type { Message } from '../../../../shared/result';
import type { ServiceContext } from '../../app/context';
import { refusal } from '../../lib/errors';

/** Every kind with its setup; a kind never set (or stored by an older version) prints with the defaults. */
export function withPrintDefaults(stored: unknown): PrintingSettings {
  const given = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<DocumentKind, Partial<PrintSetup>>>;
  const out = {} as PrintingSettings;
  for (const kind of DOCUMENT_KINDS) {
    const setup = { ...DEFAULT_PRINT_SETUP, ...given[kind] };
    if (!(KIND_PAPERS[kind] as readonly string[]).includes(setup.paper)) setup.paper = DEFAULT_PRINT_SETUP.paper;
    out[kind] = setup;
  }
  return out;
}

/** The printers the system lists; none when it cannot say (the desk still prints to the default). */
export async function listPrinters(ctx: ServiceContext): Promise<PrinterInfo[]> {
  try {
    return await ctx.platform.listPrinters();
  } catch (error) {
    ctx.logger.warn('the system could not list its printers', { reason: (error as Error).message });
    return [];
  }
}

/**
 * A printer chosen in Settings must be one the system lists. One already stored is let through
 * unchanged even when it has gone (saving another kind must not fail on it): printing falls back
 * to the default printer and says so.
 */
export async function checkPrinters(ctx: ServiceContext, next: PrintingSettings, stored: PrintingSettings): Promise<void> {
  const changed = DOCUMENT_KINDS.filter((kind) => next[kind].printer !== null && next[kind].printer !== stored[kind].printer);
  if (changed.length === 0) return;
  const names = new Set((await listPrinters(ctx)).map((p) => p.name));
  const fields: Record<string, Message[]> = {};
  for (const kind of changed) {
    const printer = next[kind].printer!;
    if (!names.has(printer)) fields[`printing.${kind}.printer`] = [{ key: 'errors.printerUnknown', params: { printer } }];
  }
  const first = Object.values(fields)[0];
  if (first) throw refusal('VALIDATION', first[0]!.key, first[0]!.params, { fields });
}

export interface PrintTarget {
  /** What to hand the platform: null prints to the default printer. */
  printer: string | null;
  /** The default printer's name, for the notice when the platform does not name the one it used. */
  defaultName: string | null;
  /** The configured printer that is no longer there. */
  missing: string | null;
}

/** Where a kind prints: its configured printer, or the default when none is set or it has vanished. */
export async function printTarget(ctx: ServiceContext, setup: PrintSetup): Promise<PrintTarget> {
  const printers = await listPrinters(ctx);
  const defaultName = printers.find((p) => p.isDefault)?.name ?? null;
  if (setup.printer === null) return { printer: null, defaultName, missing: null };
  // A system that lists nothing may simply not know how to list: the configured name is tried.
  if (printers.length === 0 || printers.some((p) => p.name === setup.printer)) return { printer: setup.printer, defaultName, missing: null };
  ctx.logger.warn('the configured printer is gone; printing to the default one', { printer: setup.printer });
  return { printer: null, defaultName, missing: setup.printer };
}
