import { Button } from '@mantine/core';
import { IconTableExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';

/** One customer's whole history (units, tickets, parts, charges, callbacks) out as a workbook, for the customer who asks. */
export function HistoryExportButton({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const exporting = useApiMutation('export:customerHistory');
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconTableExport size={14} />}
      loading={exporting.isPending}
      onClick={() =>
        exporting.mutate(
          { customerId },
          {
            onSuccess: ({ savedTo, rows }) => {
              if (savedTo) notifyDone(t('sheets.history.saved', { count: rows, file: savedTo }));
            },
            onError: (err) => notifyError(t, err),
          },
        )
      }
    >
      {t('sheets.history.export')}
    </Button>
  );
}
