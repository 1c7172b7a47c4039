import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { openSearch, requestNewRepair } from './searchBus';

const HINT_ID = 'new-repair-hint';

/**
 * "New repair", from Ctrl+N, a button or the search's command: the page that knows its customer
 * (or unit) opens the form; anywhere else a repair starts by finding the caller (UX.md, core
 * flow), so the cursor goes to the search and a hint says what comes next.
 */
export function startNewRepair(t: TFunction): void {
  if (requestNewRepair()) return;
  openSearch('');
  notifications.show({ id: HINT_ID, color: 'blue', message: t('desk.newRepairHint'), autoClose: 6000 });
}
