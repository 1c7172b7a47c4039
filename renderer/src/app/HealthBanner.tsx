import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useApiMutation, useApiQuery } from '../api/client';
import { currentLanguage } from './i18n';
import { errorText } from '../lib/errorText';
import { notifyDone } from '../lib/notify';

/**
 * A full check that found damage: said in red on every page until a backup is restored or a
 * later check passes. Nothing was repaired; the user chooses (restore, or look in Settings).
 */
export function HealthBanner({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const client = useQueryClient();
  // The weekly check finishes in the background after start-up: look again every minute.
  const status = useApiQuery('health:status', {}, { refetchInterval: 60_000 });
  const restore = useApiMutation('backups:restore');
  const [confirming, setConfirming] = useState(false);
  const check = status.data?.lastFullCheck;
  if (!check || check.ok) return null;
  const backup = status.data?.newestGoodBackup ?? null;
  const date = backup ? formatDateTime(backup.createdAt, lang) : '';

  const submit = () => {
    if (!backup || restore.isPending) return;
    restore.mutate(
      { file: backup.file },
      {
        onSuccess: async () => {
          // Another database is open now: nothing cached survives.
          await client.invalidateQueries();
          setConfirming(false);
          notifyDone(t('health.banner.restored', { date }));
        },
      },
    );
  };

  return (
    <Alert variant="filled" color="red" icon={<IconAlertTriangle size={18} />} py={8} mb="sm" data-testid="health-banner">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" span>
          {t('health.banner.damaged', { date: formatDateTime(check.at, lang) })}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {backup && (
            <Button size="compact-sm" color="red" variant="white" leftSection={<IconRestore size={14} />} onClick={() => setConfirming(true)}>
              {t('health.banner.restore')}
            </Button>
          )}
          <Anchor component="button" type="button" size="sm" fw={600} c="white" underline="always" onClick={onOpenSettings}>
            {t('health.banner.openSettings')}
          </Anchor>
        </Group>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('health.banner.confirmTitle')} size="md">
        <Stack gap="sm">
          <Text size="sm">{t('health.banner.confirmBody', { date })}</Text>
          {restore.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorText(t, restore.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button color="orange" leftSection={<IconRestore size={16} />} loading={restore.isPending} onClick={submit} data-autofocus>
              {t('backup.confirm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
