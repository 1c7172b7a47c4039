import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyError } from '../../lib/notify';
import { DocumentPreviewModal } from '../../ui/DocumentPreviewModal';
import { lastMonth, periodOf, type PeriodChoice } from './period';
import { PeriodPicker } from './PeriodPicker';

/**
 * The monthly pack for one contract customer, from their page: only their units' tickets, callbacks
 * and visits (the same channel as the company's pack, given the customer). The month just ended by
 * default, as the owner's screen opens.
 */
export function CustomerPackButton({ customerId, name }: { customerId: number; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<PeriodChoice>(() => lastMonth(todayIso()));
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const pack = useApiMutation('documents:reportPack');
  const print = () =>
    pack.mutate(
      { ...periodOf(choice), customerId, language: currentLanguage() },
      {
        onSuccess: (d) => {
          setOpen(false);
          setDoc(d);
        },
        onError: (e) => notifyError(t, e),
      },
    );
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconReportAnalytics size={14} />} onClick={() => setOpen(true)} data-testid="customer-pack">
        {t('reports.customerPack.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('reports.customerPack.title', { name })} size="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reports.customerPack.hint')}
          </Text>
          <PeriodPicker value={choice} onChange={setChoice} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button loading={pack.isPending} onClick={print} data-testid="customer-pack-print">
              {t('reports.customerPack.print')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}
