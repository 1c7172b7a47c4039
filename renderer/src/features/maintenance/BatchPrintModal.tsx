import { Alert, Anchor, Button, Group, Input, Modal, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import type { Language } from '../../../../shared/i18n/languages';
import type { DocumentRecord } from '../../../../shared/schemas/document';
import type { BatchJob, BatchSplit } from '../../../../shared/schemas/maintenance-papers';
import { BATCH_SPLITS } from '../../../../shared/schemas/maintenance-papers';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { DateField } from '../../ui/DateField';
import { DocumentPreviewModal } from '../../ui/DocumentPreviewModal';
import { currentQuarter, PaperLanguage, QuarterPicker, type SheetPaper } from './PaperPrintButtons';

type What = 'forms' | 'stats';

/** How often the screen asks how far a batch has got while it runs. */
const POLL_MS = 250;

function JobProgress({ jobId, onOpen }: { jobId: number; onOpen: (doc: DocumentRecord) => void }) {
  const { t } = useTranslation();
  const status = useApiQuery('batchPrint:status', { jobId }, { refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? POLL_MS : false) });
  const cancel = useApiMutation('batchPrint:cancel');
  const job: BatchJob | undefined = status.data;
  if (!job) return null;
  const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100);
  const running = job.state === 'running';
  return (
    <Stack gap="xs" data-testid="batch-progress" data-state={job.state}>
      <Progress value={percent} animated={running} aria-label={t('maintenancePapers.batch.progress', { done: job.done, total: job.total })} />
      <Group justify="space-between">
        <Text size="sm" data-testid="batch-state">
          {t(`maintenancePapers.batch.state.${job.state}`, { count: job.documents.length })}
          {running && ` · ${t('maintenancePapers.batch.progress', { done: job.done, total: job.total })}`}
        </Text>
        {running && (
          <Button size="xs" variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ jobId })} data-testid="batch-cancel">
            {t('maintenancePapers.batch.cancel')}
          </Button>
        )}
      </Group>
      {job.error && (
        <Alert color="red" variant="light" py={6}>
          <Text size="sm">{t(job.error.key, job.error.params)}</Text>
        </Alert>
      )}
      {job.documents.length > 0 && (
        <Table withTableBorder striped data-testid="batch-files">
          <Table.Tbody>
            {job.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {d.number}
                </Table.Td>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td ta="right">
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpen(d)}>
                    {t('maintenancePapers.batch.openFile')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * Batch printing, from the contracts list: the blank forms of every visit due in a range (of one
 * technician), or the quarter's statistics sheets of every covered customer, as one file or one
 * per customer. The work runs on in the background; the bar follows it and Cancel stops it.
 */
export function BatchPrintModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [what, setWhat] = useState<What>('forms');
  const [from, setFrom] = useState<string | null>(today);
  const [to, setTo] = useState<string | null>(addDays(today, 6));
  const [technician, setTechnician] = useState<string | null>(null);
  const [quarter, setQuarter] = useState(currentQuarter);
  const [split, setSplit] = useState<BatchSplit>('one');
  const [paper, setPaper] = useState<SheetPaper>('A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [jobId, setJobId] = useState<number | null>(null);
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const technicians = useApiQuery('technicians:list', { includeInactive: false }, { enabled: opened });
  const start = useApiMutation('batchPrint:start');
  const status = useApiQuery('batchPrint:status', { jobId: jobId ?? 1 }, { enabled: false });
  const running = jobId !== null && status.data?.state === 'running';

  const submit = () => {
    if (start.isPending) return;
    const input =
      what === 'forms'
        ? { what, from: from ?? '', to: to ?? '', technicianId: technician ? Number(technician) : null, split, paper, language }
        : { what, year: quarter.year, quarter: quarter.quarter, split, paper, language };
    start.mutate(input, { onSuccess: (job) => setJobId(job.jobId) });
  };

  return (
    <>
      <Modal opened={opened} onClose={onClose} title={t('maintenancePapers.batch.title')} size={620} styles={{ title: { fontWeight: 600 } }}>
        <Stack gap="md">
          <SegmentedControl
            value={what}
            onChange={(v) => setWhat(v as What)}
            data={(['forms', 'stats'] as const).map((w) => ({ value: w, label: t(`maintenancePapers.batch.what.${w}`) }))}
            disabled={running}
            data-testid="batch-what"
          />
          {what === 'forms' ? (
            <Group gap="md" align="flex-end">
              <DateField label={t('maintenancePapers.batch.from')} value={from} onChange={setFrom} w={150} data-testid="batch-from" />
              <DateField label={t('maintenancePapers.batch.to')} value={to} onChange={setTo} w={150} data-testid="batch-to" />
              <Select
                label={t('maintenancePapers.batch.technician')}
                placeholder={t('maintenancePapers.batch.anyTechnician')}
                clearable
                w={180}
                value={technician}
                onChange={setTechnician}
                data={(technicians.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
              />
            </Group>
          ) : (
            <QuarterPicker year={quarter.year} quarter={quarter.quarter} onChange={setQuarter} />
          )}
          <Input.Wrapper>
            <div>
              <SegmentedControl value={split} onChange={(v) => setSplit(v as BatchSplit)} data={BATCH_SPLITS.map((s) => ({ value: s, label: t(`maintenancePapers.batch.split.${s}`) }))} data-testid="batch-split" />
            </div>
          </Input.Wrapper>
          <PaperLanguage paper={paper} language={language} onPaper={setPaper} onLanguage={setLanguage} />
          {start.isError && (
            <Alert color="red" variant="light" py={6} data-testid="batch-error">
              <Text size="sm">{errorText(t, start.error)}</Text>
            </Alert>
          )}
          {jobId !== null && <JobProgress key={jobId} jobId={jobId} onOpen={setPreview} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('maintenancePapers.batch.close')}
            </Button>
            <Button onClick={submit} loading={start.isPending} disabled={running} data-testid="batch-start">
              {t('maintenancePapers.batch.start')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
