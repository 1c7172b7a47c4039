import { Alert, Badge, Button, Checkbox, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileZip, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { FullCheck } from '../../../../shared/schemas/health';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * One zip for support. Unticked, nothing of the customers goes in; ticked, a copy of the
 * database does, and the backend asks for the admin PIN first (the client shows the prompt).
 */
function DiagnosticsSection() {
  const { t } = useTranslation();
  const save = useApiMutation('health:saveDiagnostics');
  const [includeData, setIncludeData] = useState(false);
  const run = () =>
    save.mutate(
      { includeData },
      {
        onSuccess: (saved) => {
          if (!saved) return;
          notifyDone(t(saved.includesData ? 'health.panel.diagSavedWithData' : 'health.panel.diagSaved', { file: saved.file }));
        },
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <Paper withBorder p="md" data-testid="diagnostics">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="md" fw={600}>
            {t('health.panel.diagTitle')}
          </Title>
          <Button variant="default" leftSection={<IconFileZip size={16} />} loading={save.isPending} onClick={run}>
            {t('health.panel.diagSave')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('health.panel.diagHint')}
        </Text>
        <Checkbox
          label={t('health.panel.includeData')}
          description={t('health.panel.includeDataHint')}
          checked={includeData}
          onChange={(event) => setIncludeData(event.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}

/** Settings → Data check: the last full integrity check, and one on demand. */
export function HealthPanel() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const status = useApiQuery('health:status', {}, { staleTime: 0, refetchOnMount: 'always' });
  const check = useApiMutation('health:check');
  const last = status.data?.lastFullCheck ?? null;

  const runNow = () =>
    check.mutate(
      {},
      {
        onSuccess: (done) =>
          done.ok ? notifyDone(t('health.panel.doneOk')) : notifications.show({ color: 'red', message: t('health.panel.doneBad'), autoClose: 8000 }),
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        {t('health.panel.hint')}
      </Text>
      <QueryState isPending={status.isPending} error={status.error} />
      {status.data && status.data.upgradeNotes.length > 0 && (
        <Alert color="blue" variant="light" title={t('health.upgrade.title')} data-testid="upgrade-notes">
          <Stack gap={4}>
            {status.data.upgradeNotes.map((note) => (
              <Text size="sm" key={`${note.at}-${note.key}`}>
                {formatDateTime(note.at, lang)} · {t(note.key, note.params)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {status.data && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} fz="md" fw={600}>
                {t('health.panel.last')}
              </Title>
              <Button leftSection={<IconStethoscope size={16} />} loading={check.isPending} onClick={runNow}>
                {t('health.panel.runNow')}
              </Button>
            </Group>
            {check.isPending && (
              <Text size="sm" c="dimmed">
                {t('health.panel.running')}
              </Text>
            )}
            {last ? (
              <Table withTableBorder maw={560} data-testid="health-last">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={140}>{t('health.panel.when')}</Table.Th>
                    <Table.Td>{formatDateTime(last.at, lang)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('health.panel.result')}</Table.Th>
                    <Table.Td>
                      {last.ok ? (
                        <Badge color="green" variant="light">{t('health.panel.ok')}</Badge>
                      ) : (
                        <Badge color="red" variant="filled">{t('health.panel.bad', { count: last.problems.length })}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('health.panel.duration')}</Table.Th>
                    <Table.Td>{t('health.panel.ms', { value: last.ms })}</Table.Td>
                  </Table.Tr>
                  {last.attachments && (
                    <Table.Tr>
                      <Table.Th>{t('attachments.title')}</Table.Th>
                      <Table.Td>{t('attachments.health.checked', { count: last.attachments.checked })}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                {t('health.panel.never')}
              </Text>
            )}
            {last && !last.ok && (
              <Alert color="red" variant="light" title={t('health.panel.problems')}>
                <Stack gap="xs">
                  {last.problems.length > 0 && <Code block>{last.problems.join('\n')}</Code>}
                  <AttachmentProblems check={last} />
                  <Text size="sm">{t('health.panel.badAdvice')}</Text>
                </Stack>
              </Alert>
            )}
            <Text size="xs" c="dimmed">
              {status.data.fullCheckDue || !last ? t('health.panel.due') : t('health.panel.next', { date: formatDateTime(last.at + WEEK, lang) })}
            </Text>
          </Stack>
        </Paper>
      )}
      <DiagnosticsSection />
    </Stack>
  );
}

/** Attachment files the check found missing or altered, named as the desk knows them. */
function AttachmentProblems({ check }: { check: FullCheck }) {
  const { t } = useTranslation();
  const problems = check.attachments?.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <Stack gap={2} data-testid="health-attachments">
      {problems.map((p) => (
        <Text size="sm" key={p.hash}>
          {t(`attachments.health.${p.problem}`, { names: p.names.join(t('app.common.listSeparator')) })}
        </Text>
      ))}
    </Stack>
  );
}
