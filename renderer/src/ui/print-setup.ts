import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, GeneratedDocument } from '../../../shared/schemas/document';
import { DEFAULT_PRINT_SETUP, type PrinterInfo, type PrintingSettings, type PrintResult, type PrintSetup } from '../../../shared/schemas/printing';
import { useApiMutation, useApiQuery } from '../api/client';
import { notifyError } from '../lib/notify';

/** The printers change rarely while the desk is open; asked again when Settings opens. */
export function usePrinters() {
  return useApiQuery('settings:printers', {}, { staleTime: 60_000 });
}

/** Every kind's setup from Settings; undefined until the settings have loaded. */
export function usePrinting(): PrintingSettings | undefined {
  return useApiQuery('settings:get', {}, { staleTime: Infinity }).data?.printing;
}

/** How a kind prints, from Settings (the defaults until the settings have loaded). */
export function usePrintSetup(kind: DocumentKind | null): PrintSetup {
  const printing = usePrinting();
  return (kind && printing?.[kind]) || DEFAULT_PRINT_SETUP;
}

/** The configured printer is set but the system no longer lists it (an empty list proves nothing). */
export function printerGone(setup: PrintSetup, printers: PrinterInfo[] | undefined): boolean {
  return setup.printer !== null && !!printers && printers.length > 0 && !printers.some((p) => p.name === setup.printer);
}

/** The printer as the clerk knows it: its name, or "system default (its name)". */
export function printerText(t: TFunction, setup: PrintSetup, printers: PrinterInfo[] | undefined): string {
  if (setup.printer !== null && !printerGone(setup, printers)) return setup.printer;
  const byDefault = printers?.find((p) => p.isDefault)?.name;
  return byDefault ? t('printing.systemDefaultNamed', { printer: byDefault }) : t('printing.systemDefault');
}

/** The sentence after a print: where it went and how many copies, and a warning when the configured printer was gone. */
function printedMessage(t: TFunction, result: PrintResult): { message: string; warning: boolean } {
  const count = result.copies;
  if (result.missingPrinter) {
    return { message: t('printing.fellBack', { missing: result.missingPrinter, printer: result.printer ?? t('printing.systemDefault'), count }), warning: true };
  }
  return { message: result.printer ? t('printing.sent', { printer: result.printer, count }) : t('printing.sentDefault', { count }), warning: false };
}

export function notifyPrinted(t: TFunction, result: PrintResult, title?: string): void {
  const { message, warning } = printedMessage(t, result);
  // A fallback is worth reading: it stays until dismissed.
  notifications.show({ color: warning ? 'orange' : 'green', title, message, autoClose: warning ? false : 4000 });
}

/**
 * "Print without asking": the document is generated and archived as always, then sent to the
 * kind's printer at once; the notice says where it went and how many copies.
 */
export function useDirectPrint() {
  const { t } = useTranslation();
  const print = useApiMutation('documents:print');
  const [pending, setPending] = useState(false);
  const run = async (kind: DocumentKind, generate: () => Promise<GeneratedDocument>) => {
    if (pending) return;
    setPending(true);
    const kindName = t(`app.documents.kind.${kind}`);
    const working = notifications.show({ loading: true, message: t('printing.silentWorking', { kind: kindName }), autoClose: false, withCloseButton: false });
    try {
      const doc = await generate();
      const result = await print.mutateAsync({ id: doc.id });
      notifyPrinted(t, result, t('printing.silentDone', { kind: kindName, number: doc.number }));
      if (doc.missingGlyphs.length > 0) {
        notifications.show({ color: 'orange', title: t('app.preview.missingGlyphsTitle'), message: t('app.preview.missingGlyphs', { chars: doc.missingGlyphs.join(' ') }), autoClose: false });
      }
    } catch (err) {
      notifyError(t, err);
    } finally {
      notifications.hide(working);
      setPending(false);
    }
  };
  return { run, pending };
}
