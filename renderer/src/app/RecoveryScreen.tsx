import { Alert, Button, Code, Container, Group, List, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFolder, IconRefresh, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { formatDateTime } from '../../../shared/format';
import type { HealthStatus } from '../../../shared/schemas/health';
import { call } from '../api/client';
import { errorText } from '../lib/errorText';
import { currentLanguage, i18n, isLanguage } from './i18n';

/** The settings cannot be read while the file is closed: the language switch here is for this screen only. */
function ScreenLanguage() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.header.language')}
      value={currentLanguage()}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        document.documentElement.lang = value;
        void i18n.changeLanguage(value);
      }}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}

/**
 * Shown instead of the app when the database could not be opened. Says what happened in plain
 * words, that the file is kept as it is, and offers the newest good backup; for a file that
 * could not be reached (rights, another program, a drive) also "try again". The window reloads
 * into the normal app once the database is open.
 */
export function RecoveryScreen({ initial }: { initial: HealthStatus }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [status, setStatus] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'restore' | 'retry' | 'folder' | null>(null);
  const [notice, setNotice] = useState<{ color: 'red' | 'yellow'; text: string } | null>(null);
  const kind = status.problem?.kind ?? 'damaged';
  const backup = status.newestGoodBackup;
  const backupDate = backup ? formatDateTime(backup.createdAt, lang) : '';

  const run = async (what: 'restore' | 'retry' | 'folder', action: () => Promise<void>) => {
    setBusy(what);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setNotice({ color: 'red', text: errorText(t, err) });
    } finally {
      setBusy(null);
    }
  };

  const restore = () =>
    run('restore', async () => {
      if (!backup) return;
      await call('health:restore', { file: backup.file });
      window.location.reload();
    }).finally(() => setConfirming(false));

  const retry = () =>
    run('retry', async () => {
      const next = await call('health:retry', {});
      if (next.mode === 'ok') {
        window.location.reload();
        return;
      }
      setStatus(next);
      setNotice({ color: 'yellow', text: t('health.recovery.retryStill') });
    });

  const chooseFolder = () =>
    run('folder', async () => {
      const next = await call('health:chooseFolder', {});
      if (!next) return;
      setStatus(next);
      if (!next.newestGoodBackup) setNotice({ color: 'yellow', text: t('health.recovery.noBackupInFolder') });
    });

  const retryButton = (
    <Button leftSection={<IconRefresh size={16} />} loading={busy === 'retry'} disabled={busy !== null && busy !== 'retry'} onClick={() => void retry()} data-autofocus>
      {t('health.recovery.retry')}
    </Button>
  );

  const restoreButton = (
    <Button
      color="orange"
      variant={kind === 'damaged' ? 'filled' : 'light'}
      leftSection={<IconRestore size={16} />}
      disabled={!backup || busy !== null}
      onClick={() => setConfirming(true)}
      data-autofocus={kind === 'damaged' || undefined}
    >
      {t('health.recovery.restore')}
    </Button>
  );

  return (
    <Container size={760} py="xl" data-testid="recovery-screen">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <IconAlertTriangle size={28} color="var(--mantine-color-red-7)" />
              <Title order={2} fz="xl">
                {t('health.recovery.title')}
              </Title>
            </Group>
            <ScreenLanguage />
          </Group>
          <Text>{t(`health.recovery.${kind}Intro`)}</Text>
          {kind !== 'inUse' && (
            <Alert color="blue" variant="light">
              {t('health.recovery.kept')}
            </Alert>
          )}

          {kind === 'inUse' && (
            <Stack gap={6} data-testid="recovery-in-use">
              <Text size="sm" fw={600}>
                {t('health.recovery.inUseHolder', { holder: status.problem?.detail ?? '' })}
              </Text>
              <Text size="sm">{t('health.recovery.inUseAdvice')}</Text>
              <Group>{retryButton}</Group>
            </Stack>
          )}

          {kind === 'unreadable' && (
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('health.recovery.advice.title')}
              </Text>
              <List size="sm" spacing={4}>
                <List.Item>{t('health.recovery.advice.readOnly')}</List.Item>
                <List.Item>{t('health.recovery.advice.otherProgram')}</List.Item>
                <List.Item>{t('health.recovery.advice.drive')}</List.Item>
              </List>
              <Group>{retryButton}</Group>
            </Stack>
          )}

          {/* Another desk has the file open and well: a restore here would pull its data from under it. */}
          {kind !== 'inUse' && (
            <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
              <Stack gap={6}>
                <Text fw={600}>{t('health.recovery.backupTitle')}</Text>
                {backup ? (
                  <div data-testid="recovery-backup">
                    <Text size="sm">{t('health.recovery.backupWhen', { date: backupDate })}</Text>
                    {backup.counts && <Text size="sm">{t('health.recovery.backupCounts', { ...backup.counts })}</Text>}
                  </div>
                ) : (
                  <Text size="sm" c="dimmed" data-testid="recovery-no-backup">
                    {t('health.recovery.noBackup')}
                  </Text>
                )}
                <Group gap="sm" mt={4}>
                  {restoreButton}
                  <Button variant="default" leftSection={<IconFolder size={16} />} loading={busy === 'folder'} disabled={busy !== null && busy !== 'folder'} onClick={() => void chooseFolder()}>
                    {t('health.recovery.chooseFolder')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}

          {notice && (
            <Alert color={notice.color} variant="light" role="alert">
              {notice.text}
            </Alert>
          )}

          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm" c="dimmed">
                {t('health.recovery.details')}
              </Text>
            </summary>
            <Stack gap={4} mt="xs">
              <Text size="xs" c="dimmed">
                {t('health.recovery.file')}
              </Text>
              <Code block data-testid="recovery-file">
                {status.dbPath}
              </Code>
              <Text size="xs" c="dimmed">
                {t('health.recovery.sqlite')}
              </Text>
              <Code block>{status.problem?.detail ?? ''}</Code>
            </Stack>
          </details>
        </Stack>
      </Paper>

      <Modal opened={confirming} onClose={() => busy === null && setConfirming(false)} title={t('health.recovery.confirmTitle')} size="md">
        <Stack gap="sm">
          <Text size="sm">{t('health.recovery.confirmBody', { date: backupDate })}</Text>
          {backup?.counts && <Text size="sm">{t('health.recovery.backupCounts', { ...backup.counts })}</Text>}
          {busy === 'restore' && (
            <Text size="sm" c="dimmed">
              {t('health.recovery.restoring')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" disabled={busy === 'restore'} onClick={() => setConfirming(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button color="orange" leftSection={<IconRestore size={16} />} loading={busy === 'restore'} onClick={() => void restore()} data-autofocus>
              {t('health.recovery.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Container>
  );
}
