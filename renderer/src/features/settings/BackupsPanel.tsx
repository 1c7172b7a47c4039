import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDatabaseExport, IconTrash, IconFolder, IconRestore } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { BackupCounts, BackupInfo } from '../../../../shared/schemas/backup';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { QueryState } from '../../ui/QueryState';
import { BackgroundWorkNote } from '../../app/BackgroundWork';

const nowrap = { whiteSpace: 'nowrap' } as const;
const FRESH = { staleTime: 0, refetchOnMount: 'always' } as const;

function sizeText(t: TFunction, bytes: number): string {
  return bytes < 1024 * 1024
    ? t('backup.sizeKb', { value: Math.max(1, Math.round(bytes / 1024)) })
    : t('backup.sizeMb', { value: (bytes / 1024 / 1024).toFixed(1) });
}

function CheckBadge({ check }: { check: string | null }) {
  const { t } = useTranslation();
  if (check === null) return <Badge color="gray" variant="light">{t('backup.check.unchecked')}</Badge>;
  return check === 'ok' ? (
    <Badge color="green" variant="light">{t('backup.check.ok')}</Badge>
  ) : (
    <Badge color="red" variant="filled" title={check}>{t('backup.check.bad')}</Badge>
  );
}

const countsText = (t: TFunction, counts: BackupCounts | null) => (counts ? t('backup.counts', { ...counts }) : '—');

/** What the backup holds set beside what the desk holds now, read from the file before anything changes. */
function RestoreDialog({ file, onClose }: { file: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const client = useQueryClient();
  const inspected = useApiQuery('backups:inspect', { file }, { staleTime: 0, gcTime: 0 });
  // "Now" is counted afresh when the dialog opens: the desk may have changed since the list loaded.
  const live = useApiQuery('backups:list', {}, FRESH);
  const current = live.data?.current;
  const restore = useApiMutation('backups:restore');
  const b = inspected.data;
  const good = b?.check === 'ok';

  const submit = () => {
    if (!b || !good || restore.isPending) return;
    restore.mutate(
      { file },
      {
        onSuccess: async (result) => {
          // Every screen now shows another database: nothing cached survives a restore.
          await client.invalidateQueries();
          notifyDone(t('backup.restored', { date: formatDateTime(b.createdAt, lang), file: result.safetyBackup }));
          onClose();
        },
      },
    );
  };

  const count = (n: number | undefined) => (n === undefined ? '—' : String(n));
  const rows: [string, string, string][] = b
    ? [
        [t('backup.confirm.date'), formatDateTime(b.createdAt, lang), '—'],
        [t('backup.confirm.customers'), count(b.counts?.customers), count(current?.customers)],
        [t('backup.confirm.units'), count(b.counts?.units), count(current?.units)],
        [t('backup.confirm.tickets'), count(b.counts?.tickets), count(current?.tickets)],
      ]
    : [];

  return (
    <Modal opened onClose={onClose} title={t('backup.confirm.title')} size="md">
      <Stack gap="sm">
        {inspected.isPending && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('backup.confirm.checking')}</Text>
          </Group>
        )}
        {inspected.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorText(t, inspected.error)}
          </Alert>
        )}
        {b && (
          <>
            <Text size="sm">{t('backup.confirm.intro')}</Text>
            <Table withTableBorder data-testid="restore-compare">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backup.confirm.what')}</Table.Th>
                  <Table.Th>{t('backup.confirm.backup')}</Table.Th>
                  <Table.Th>{t('backup.confirm.now')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(([what, then, now]) => (
                  <Table.Tr key={what}>
                    <Table.Td>{what}</Table.Td>
                    <Table.Td fw={600}>{then}</Table.Td>
                    <Table.Td>{now}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {good ? (
              <Alert color="blue" variant="light">
                {t('backup.confirm.safety')}
              </Alert>
            ) : (
              <Alert color="red" variant="light" role="alert">
                {t('backup.confirm.damaged', { check: b.check ?? '' })}
              </Alert>
            )}
          </>
        )}
        {restore.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorText(t, restore.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.common.cancel')}
          </Button>
          <Button color="orange" leftSection={<IconRestore size={16} />} disabled={!good || !current} loading={restore.isPending} onClick={submit} data-autofocus>
            {t('backup.confirm.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Settings → Backups: where they go, make one now, and every backup kept, each restorable. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // While a backup runs beside the desk, the list looks again until its new file is there.
  const list = useApiQuery('backups:list', {}, { ...FRESH, refetchInterval: (q) => (q.state.data?.running ? 1_000 : false) });
  const create = useApiMutation('backups:create');
  const choose = useApiMutation('backups:chooseFolder');
  const [restoring, setRestoring] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<BackupInfo | null>(null);
  const remove = useApiMutation('backups:delete');
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  const backUp = () =>
    create.mutate(
      {},
      {
        onSuccess: (made: BackupInfo) =>
          made.check === 'ok'
            ? notifyDone(t('backup.created', { file: made.file }))
            : notifications.show({ color: 'red', message: t('backup.createdBad', { check: made.check ?? '' }), autoClose: 8000 }),
        onError: (err) => notifyError(t, err),
      },
    );
  const changeFolder = () =>
    choose.mutate(
      {},
      {
        onSuccess: (chosen) => chosen && notifyDone(t('backup.folderChanged', { folder: chosen.folder })),
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Stack gap="md" maw={1100}>
      <Text size="sm" c="dimmed">
        {t('backup.hint')}
      </Text>
      <QueryState isPending={list.isPending} error={list.error} />
      <BackgroundWorkNote showDone />
      {list.data && (
        <>
          <Paper withBorder p="sm">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {t('backup.folder')}
                </Text>
                <Text size="sm" ff="monospace" data-testid="backup-folder" style={{ wordBreak: 'break-all' }}>
                  {list.data.folder}
                </Text>
                <Text size="xs" c="dimmed">
                  {list.data.isDefaultFolder ? t('backup.defaultFolder') : t('backup.chosenFolder')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Button variant="default" leftSection={<IconFolder size={16} />} loading={choose.isPending} onClick={changeFolder}>
                  {t('backup.changeFolder')}
                </Button>
                <Button leftSection={<IconDatabaseExport size={16} />} loading={create.isPending} onClick={backUp}>
                  {t('backup.backupNow')}
                </Button>
              </Group>
            </Group>
          </Paper>
          {list.data.backups.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="backups-empty">
              {t('backup.empty')}
            </Text>
          ) : (
            <Table striped withTableBorder data-testid="backups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backup.columns.date')}</Table.Th>
                  <Table.Th>{t('backup.columns.reason')}</Table.Th>
                  <Table.Th ta="right">{t('backup.columns.size')}</Table.Th>
                  <Table.Th>{t('backup.columns.check')}</Table.Th>
                  <Table.Th>{t('backup.columns.counts')}</Table.Th>
                  <Table.Th>{t('backup.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.backups.map((b) => {
                  const date = formatDateTime(b.createdAt, lang);
                  return (
                    <Table.Tr key={b.file} title={b.file} data-file={b.file}>
                      <Table.Td style={nowrap}>{date}</Table.Td>
                      <Table.Td style={nowrap}>{t(`backup.reason.${b.reason}`)}</Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {sizeText(t, b.size)}
                        {b.rawSize ? (
                          <Text size="xs" c="dimmed" span display="block">
                            {t('background.sizeRaw', { raw: sizeText(t, b.rawSize) })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <CheckBadge check={b.check} />
                      </Table.Td>
                      <Table.Td>{countsText(t, b.counts)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-sm" variant="light" leftSection={<IconRestore size={14} />} aria-label={t('backup.restoreLabel', { date })} onClick={() => setRestoring(b.file)}>
                            {t('backup.restore')}
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} aria-label={t('backup.deleteLabel', { date })} onClick={() => setDeleting(b)}>
                            {t('backup.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <Text size="xs" c="dimmed">
            {t('backup.retention')}
          </Text>
          {restoring && <RestoreDialog file={restoring} onClose={() => setRestoring(null)} />}
          <ConfirmModal
            opened={deleting !== null}
            title={t('backup.deleteTitle')}
            confirmLabel={t('backup.delete')}
            loading={remove.isPending}
            error={remove.isError ? errorText(t, remove.error) : null}
            onClose={closeDelete}
            onConfirm={() => deleting && remove.mutate({ file: deleting.file }, { onSuccess: () => (notifyDone(t('backup.deleted')), closeDelete()) })}
          >
            {deleting ? t(deleting.reason === 'beforeRestore' ? 'backup.deleteSafetyBody' : 'backup.deleteBody', { date: formatDateTime(deleting.createdAt, lang) }) : ''}
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
