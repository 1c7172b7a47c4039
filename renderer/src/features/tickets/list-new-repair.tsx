import { Button, Kbd } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { startNewRepair } from '../search';

/** The "New repair" button of the desk and the ticket list; Ctrl+N does the same on every screen. */
export function FindCustomerButton() {
  const { t } = useTranslation();
  return (
    <Button leftSection={<IconTool size={16} />} onClick={() => startNewRepair(t)} data-testid="new-repair">
      {t('desk.newRepair')}
      <Kbd ml={8} size="xs">
        {t('app.keys.new')}
      </Kbd>
    </Button>
  );
}
