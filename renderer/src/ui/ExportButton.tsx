import { Button } from '@mantine/core';
import { IconTableExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { EXPORT_LISTS } from '../../../shared/schemas/excel';
import { useApiMutation } from '../api/client';
import { notifyDone, notifyError } from '../lib/notify';

export type ExportList = (typeof EXPORT_LISTS)[number];

/**
 * Saves a list as an Excel workbook where the clerk chooses (the system's save dialog, in the
 * main process). Cancelling the dialog is not an error: nothing is said.
 */
export function ExportButton({ list, query = '', label, tickets }: { list: ExportList; query?: string; label?: string; tickets?: InputOf<'export:list'>['tickets'] }) {
  const { t } = useTranslation();
  const exporting = useApiMutation('export:list');
  const run = () =>
    exporting.mutate(
      { list, query, ...(tickets ? { tickets } : {}) },
      {
        onSuccess: ({ savedTo, rows }) => {
          if (savedTo) notifyDone(t('importer.export.saved', { count: rows, file: savedTo }));
        },
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <Button variant="default" size="sm" leftSection={<IconTableExport size={16} />} loading={exporting.isPending} onClick={run}>
      {label ?? t('importer.export.button')}
    </Button>
  );
}
