import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { Message } from '../../../../shared/result';
import type { ImportBatch } from '../../../../shared/schemas/excel';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { apiErrorOf, errorText, messageText } from '../../lib/errorText';
import { notifyDone } from '../../lib/notify';

/** What changed since the import, one line each, and how many more there are. */
function Blockers({ lead, messages, count }: { lead: string; messages: Message[]; count: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="undo-blocked">
      <Text size="sm">{lead}</Text>
      <List size="sm" mt={4} spacing={2}>
        {messages.map((m, i) => (
          <List.Item key={i} data-testid="undo-blocker">
            {messageText(t, m)}
          </List.Item>
        ))}
      </List>
      {count > messages.length && (
        <Text size="sm" mt={4}>
          {t('importer.undo.more', { count: count - messages.length })}
        </Text>
      )}
    </Alert>
  );
}

/**
 * Undoing an import asks once and says what goes: the customers, units and models it created.
 * It checks first what happened to them since, and names each thing that stands in the way.
 */
export function UndoImportModal({ batch, onClose, onUndone }: { batch: ImportBatch | null; onClose: () => void; onUndone?: (batch: ImportBatch) => void }) {
  const { t } = useTranslation();
  const opened = batch !== null;
  const check = useApiQuery('import:undoCheck', { batchId: batch?.id ?? 0 }, { enabled: opened, refetchOnMount: 'always', gcTime: 0 });
  const undo = useApiMutation('import:undo');
  const close = () => {
    undo.reset();
    onClose();
  };
  const refused = apiErrorOf(undo.error);
  const refusedBlockers = (refused?.details.blockers as Message[] | undefined) ?? [];
  const blocked = (check.data?.blockerCount ?? 0) > 0;

  return (
    <Modal opened={opened} onClose={close} title={t('importer.undo.title')} size={560} styles={{ title: { fontWeight: 600 } }}>
      {batch && (
        <Stack gap="sm" data-testid="undo-import">
          <Text size="sm">
            {t('importer.undo.intro', {
              file: batch.fileName,
              at: formatDateTime(batch.createdAt, currentLanguage()),
              customers: batch.customersCreated,
              units: batch.unitsCreated,
              models: batch.modelsCreated,
            })}
          </Text>
          {check.isPending && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('importer.undo.checking')}
              </Text>
            </Group>
          )}
          {check.error && (
            <Alert color="red" variant="light">
              <Text size="sm">{errorText(t, check.error)}</Text>
            </Alert>
          )}
          {blocked && check.data && <Blockers lead={t('importer.undo.blocked')} messages={check.data.blockers} count={check.data.blockerCount} />}
          {check.data?.needsAdmin && !blocked && (
            <Alert color="yellow" variant="light" icon={<IconLock size={18} />} py={8}>
              <Text size="sm">{t('importer.undo.needsAdmin')}</Text>
            </Alert>
          )}
          {undo.error &&
            (refusedBlockers.length > 0 ? (
              <Blockers lead={errorText(t, undo.error)} messages={refusedBlockers} count={Number(refused?.details.blockerCount ?? refusedBlockers.length)} />
            ) : (
              <Alert color="red" variant="light" role="alert">
                <Text size="sm">{errorText(t, undo.error)}</Text>
              </Alert>
            ))}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} data-autofocus>
              {t('app.common.cancel')}
            </Button>
            <Button
              color="red"
              loading={undo.isPending}
              disabled={!check.data || blocked || Boolean(undo.error)}
              onClick={() =>
                undo.mutate(
                  { batchId: batch.id },
                  {
                    onSuccess: (done) => {
                      // From the recent imports the row only changes its state: the notice says it worked.
                      notifyDone(t('importer.undo.done'));
                      onUndone?.(done);
                      close();
                    },
                  },
                )
              }
            >
              {t('importer.undo.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
