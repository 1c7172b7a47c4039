import { Alert, Anchor, Button, Grid, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconBellRinging, IconCircleCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, todayIso } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import type { Installation, TrialResult } from '../../../../shared/schemas/installation';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { tidyDate } from '../../lib/dates';
import { notifyDone } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { QueryState } from '../../ui/QueryState';
import { InstallationFormModal } from './InstallationFormModal';
import { StatusBadge } from './InstallationsPage';
import { CardsPrintButton, CertificatePrintButton } from './InstallationPrint';
import { InstallationManual } from '../manuals';
import { problemText } from './problem';
import { AttachmentPanel } from '../attachments';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A day typed as the desk writes it (2026/3/1, 20260301 ...), shown back tidy. */
function DayInput({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId?: string }) {
  return (
    <TextInput
      label={label}
      inputMode="numeric"
      maxLength={10}
      placeholder="2026-12-01"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => isIsoDate(tidyDate(value)) && onChange(tidyDate(value))}
      data-testid={testId}
    />
  );
}

function Problem({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" data-testid={testId}>
      {problemText(t, error)}
    </Alert>
  );
}

/** The trial run (试运转): its days and result, saved while the job is planned. */
function TrialForm({ job }: { job: Installation }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState(job.trialStartsOn ?? job.appointmentOn);
  const [endsOn, setEndsOn] = useState(job.trialEndsOn ?? '');
  const [result, setResult] = useState<TrialResult | 'none'>(job.trialResult ?? 'none');
  const [note, setNote] = useState(job.trialNote ?? '');
  const save = useApiMutation('installations:trial');
  const submit = () =>
    save.mutate(
      { id: job.id, startsOn: tidyDate(startsOn), endsOn: endsOn.trim() ? tidyDate(endsOn) : null, result: result === 'none' ? null : result, note: note.trim() || null },
      { onSuccess: () => notifyDone(t('installations.trial.saved')) },
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="trial-form"
    >
      <Stack gap="xs">
        <SimpleGrid cols={3} spacing="sm">
          <DayInput label={t('installations.trial.startsOn')} value={startsOn} onChange={setStartsOn} testId="trial-starts" />
          <DayInput label={t('installations.trial.endsOn')} value={endsOn} onChange={setEndsOn} testId="trial-ends" />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('installations.trial.result')}
            </Text>
            <SegmentedControl
              size="xs"
              value={result}
              onChange={(v) => setResult(v as TrialResult | 'none')}
              data={[
                { value: 'none', label: t('installations.trial.resultNone') },
                { value: 'passed', label: t('installations.print.result.passed') },
                { value: 'failed', label: t('installations.print.result.failed') },
              ]}
              data-testid="trial-result"
            />
          </div>
        </SimpleGrid>
        <TextInput label={t('installations.trial.note')} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Problem error={save.error} testId="trial-error" />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="default" loading={save.isPending}>
            {t('installations.trial.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Acceptance (验收): one step that starts every unit's warranty. */
function AcceptForm({ job }: { job: Installation }) {
  const { t } = useTranslation();
  const [acceptedOn, setAcceptedOn] = useState(job.trialEndsOn ?? todayIso(new Date()));
  const [acceptedBy, setAcceptedBy] = useState('');
  const accept = useApiMutation('installations:accept');
  const submit = () =>
    accept.mutate(
      { id: job.id, acceptedOn: tidyDate(acceptedOn), acceptedBy },
      { onSuccess: (done) => notifyDone(t('installations.accept.done', { number: done.number, count: done.units.length, date: formatDate(done.acceptedOn, currentLanguage()) })) },
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="accept-form"
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('installations.accept.hint')}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('installations.accept.acceptedOn')} value={acceptedOn} onChange={setAcceptedOn} testId="accepted-on" />
          <TextInput label={t('installations.accept.acceptedBy')} withAsterisk maxLength={100} value={acceptedBy} onChange={(e) => setAcceptedBy(e.currentTarget.value)} data-testid="accepted-by" />
        </SimpleGrid>
        <Problem error={accept.error} testId="accept-error" />
        <Group justify="flex-end">
          <Button type="submit" size="xs" color="green" leftSection={<IconCircleCheck size={14} />} loading={accept.isPending} data-testid="accept">
            {t('installations.accept.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} fz="md" fw={600} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One installation job: what, where, when and who; the notice, the trial run, acceptance and its papers. */
export function InstallationPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useApiQuery('installations:get', { id });
  const notice = useApiMutation('installations:notice');
  const cancel = useApiMutation('installations:cancel');
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const job = query.data;
  const day = (d: string | null) => (d ? formatDate(d, lang) : t('installations.page.none'));
  return (
    <>
      <Anchor component="button" type="button" size="sm" mb="xs" onClick={() => navigate({ section: 'installations' })}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('installations.page.back')}
        </Group>
      </Anchor>
      <QueryState isPending={query.isPending} error={query.error} />
      {job && (
        <>
          <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
            <Group gap="sm">
              <Title order={2} fz="xl" fw={600}>
                {t('installations.page.facts')}
              </Title>
              <Text ff="monospace" fz="lg" data-testid="installation-number">
                {job.number}
              </Text>
              <StatusBadge status={job.status} />
            </Group>
            <Group gap={6} wrap="nowrap">
              {job.status === 'accepted' && (
                <>
                  <CertificatePrintButton installationId={job.id} />
                  <CardsPrintButton units={job.units} />
                </>
              )}
              {job.status === 'planned' && (
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="edit-installation">
                  {t('installations.page.edit')}
                </Button>
              )}
              {job.status === 'planned' && (
                <Button size="xs" variant="default" color="red" leftSection={<IconX size={14} />} onClick={() => setCancelling(true)}>
                  {t('installations.page.cancel')}
                </Button>
              )}
            </Group>
          </Group>
          {job.status === 'accepted' && (
            <Alert color="green" variant="light" mb="sm" data-testid="accepted-note">
              <Text size="sm">{t('installations.accept.accepted', { date: day(job.acceptedOn), name: job.acceptedBy, by: job.recordedBy ?? '' })}</Text>
              <Text size="sm" fw={600}>
                {t('installations.accept.next')}
              </Text>
            </Alert>
          )}
          <Grid gap="md">
            <Grid.Col span={7}>
              <Stack gap="md">
                <Panel title={t('installations.page.units', { count: job.units.length })}>
                  <Table withTableBorder layout="fixed" data-testid="installation-units-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('installations.page.unitColumns.model')}</Table.Th>
                        <Table.Th w={160}>{t('installations.page.unitColumns.serial')}</Table.Th>
                        <Table.Th w={120}>{t('installations.page.unitColumns.acceptance')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {job.units.map((u) => (
                        <Table.Tr key={u.id}>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>
                            <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'unit', id: u.id })}>
                              {u.brand} {u.model}
                            </Anchor>
                          </Table.Td>
                          <Table.Td ff="monospace">{u.serial}</Table.Td>
                          <Table.Td>{day(u.acceptanceDate)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Panel>
                {job.status === 'planned' && (
                  <Panel title={t('installations.trial.heading')}>
                    <TrialForm job={job} />
                  </Panel>
                )}
                {job.status === 'planned' && (
                  <Panel title={t('installations.accept.heading')} testId="accept-panel">
                    <AcceptForm job={job} />
                  </Panel>
                )}
                {job.status !== 'cancelled' && <InstallationManual installationId={job.id} />}
              </Stack>
            </Grid.Col>
            <Grid.Col span={5}>
              <Stack gap="md">
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Fact label={t('installations.page.customer')}>
                    <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'customer', id: job.customerId })}>
                      {job.customerName}
                    </Anchor>
                  </Fact>
                  <Fact label={t('installations.page.site')}>{job.siteAddress ?? t('installations.page.none')}</Fact>
                  <Fact label={t('installations.page.appointment')}>{day(job.appointmentOn)}</Fact>
                  <Fact label={t('installations.page.technicians')}>{job.technicians.map((x) => x.name).join('、') || t('installations.page.none')}</Fact>
                  {job.workDone && <Fact label={t('installations.page.workDone')}>{job.workDone}</Fact>}
                  <Fact label={t('installations.page.notice')}>
                    {job.noticeSentOn ? t('installations.page.noticeSent', { date: day(job.noticeSentOn) }) : job.status === 'planned' ? t('installations.page.noticeDue', { date: day(job.noticeDueOn) }) : t('installations.page.none')}
                  </Fact>
                  {job.status === 'planned' && job.noticeSentOn === null && (
                    <Group>
                      <Button size="xs" variant="light" leftSection={<IconBellRinging size={14} />} loading={notice.isPending} onClick={() => notice.mutate({ id: job.id, sentOn: null }, { onSuccess: () => notifyDone(t('installations.page.noticeDone')) })}>
                        {t('installations.page.recordNotice')}
                      </Button>
                    </Group>
                  )}
                  <Problem error={notice.error} testId="notice-error" />
                  <Fact label={t('installations.trial.heading')}>
                    {job.trialStartsOn
                      ? `${t('installations.print.trialDays', { from: day(job.trialStartsOn), to: day(job.trialEndsOn) })}${job.trialResult ? ` · ${t(`installations.print.result.${job.trialResult}`)}` : ''}`
                      : t('installations.trial.none')}
                  </Fact>
                </Stack>
              </Paper>
              <AttachmentPanel record={{ type: 'installation', id: job.id }} />
              </Stack>
            </Grid.Col>
          </Grid>
          {editing && <InstallationFormModal job={job} onClose={() => setEditing(false)} />}
          <ConfirmModal
            opened={cancelling}
            title={t('installations.page.cancel')}
            confirmLabel={t('installations.page.cancel')}
            loading={cancel.isPending}
            error={cancel.error ? problemText(t, cancel.error) : null}
            onConfirm={() =>
              cancel.mutate(
                { id: job.id },
                {
                  onSuccess: () => {
                    setCancelling(false);
                    notifyDone(t('installations.page.cancelled'));
                  },
                },
              )
            }
            onClose={() => setCancelling(false)}
          >
            {t('installations.page.cancelConfirm', { number: job.number })}
          </ConfirmModal>
        </>
      )}
    </>
  );
}
