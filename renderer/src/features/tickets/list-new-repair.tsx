import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTool } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { openSearch } from '../search';

const HINT_ID = 'new-repair-hint';

/**
 * A repair belongs to a customer, and the call starts by finding them (UX.md, core flow): where no
 * customer is chosen yet, "new repair" puts the cursor in the search and says what comes next.
 */
export function findCustomerFirst(t: TFunction): void {
  openSearch('');
  notifications.show({ id: HINT_ID, color: 'blue', message: t('desk.newRepairHint'), autoClose: 6000 });
}

/** The "New repair" button of the desk and the ticket list, with Ctrl+N doing the same. */
export function FindCustomerButton() {
  const { t } = useTranslation();
  useHotkeys([['mod+N', () => findCustomerFirst(t)]], []);
  return (
    <Button leftSection={<IconTool size={16} />} onClick={() => findCustomerFirst(t)} data-testid="new-repair">
      {t('desk.newRepair')}
      <Kbd ml={8} size="xs">
        {t('app.keys.new')}
      </Kbd>
    </Button>
  );
}
