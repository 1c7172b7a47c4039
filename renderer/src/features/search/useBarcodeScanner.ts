import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { visitNumberOf } from '../../../../shared/domain/visit-number';
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { isTextField } from '../../lib/keyboard';
import { notifyError } from '../../lib/notify';
import { openSearch } from './searchBus';

/** A USB scanner types far faster than a person: keys closer than this belong to one scan. */
export const SCAN_GAP_MS = 50;
/** Shorter bursts are a fast typist's slip, not a serial. */
export const SCAN_MIN_LENGTH = 4;

/**
 * Collects a burst of printable keys arriving less than `gapMs` apart; an Enter closing a burst
 * of at least `minLength` keys is a scan. `feed` answers whether the key was the end of a scan
 * (the caller then keeps Enter from pressing whatever button has focus).
 */
export function createScanBuffer(onScan: (text: string) => void, gapMs = SCAN_GAP_MS, minLength = SCAN_MIN_LENGTH) {
  let buffer = '';
  let last = -Infinity;
  return {
    feed(key: string, at: number): boolean {
      const quick = at - last < gapMs;
      if (key === 'Enter') {
        const scanned = quick && buffer.length >= minLength ? buffer : null;
        buffer = '';
        last = -Infinity;
        if (scanned) onScan(scanned);
        return scanned !== null;
      }
      // Scanners hold Shift for capital letters: it is part of the burst, not a break in it.
      if (key === 'Shift') return false;
      if (key.length !== 1) {
        buffer = '';
        last = -Infinity;
        return false;
      }
      buffer = quick ? buffer + key : key;
      last = at;
      return false;
    },
    reset() {
      buffer = '';
      last = -Infinity;
    },
  };
}

async function openScannedSerial(t: TFunction, serial: string): Promise<void> {
  // The QR code on an inspection form carries its visit number: open that visit for its results.
  if (visitNumberOf(serial)) {
    const [visit] = (await call('search:query', { query: serial, limit: 5 })).filter((h) => h.kind === 'visit');
    if (visit) navigate({ section: 'visit', id: visit.id });
    else notifications.show({ color: 'orange', message: t('app.scanner.visitNotFound', { number: visitNumberOf(serial) }), autoClose: 8000 });
    return;
  }
  const units = await call('units:findBySerial', { serial });
  const [only] = units;
  if (units.length === 1 && only) navigate({ section: 'unit', id: only.id });
  else if (units.length > 1) openSearch(serial);
  else notifications.show({ color: 'orange', message: t('app.scanner.notFound', { serial }), autoClose: 8000 });
}

/**
 * A barcode scanner is a keyboard that types a serial and Enter. Anywhere outside a text field,
 * that opens the unit: one match opens it, several open the search, none says so.
 */
export function useBarcodeScanner(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const scanner = createScanBuffer((serial) => {
      openScannedSerial(t, serial).catch((err: unknown) => notifyError(t, err));
    });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || isTextField(event.target)) {
        scanner.reset();
        return;
      }
      if (scanner.feed(event.key, event.timeStamp)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Capture phase: the scan's Enter must not also click the button that happens to have focus.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [t]);
}
