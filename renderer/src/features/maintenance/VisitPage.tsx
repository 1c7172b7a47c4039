import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBan, IconCalendarEvent, IconCheck, IconFileText, IconPhoneCall, IconPrinter, IconUserCog, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatPhone } from '../../../../shared/format';
import type { Visit } from '../../../../shared/schemas/maintenance';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { Field } from '../../ui/Field';
import { usePrintSetup } from '../../ui/print-setup';
import { QueryState } from '../../ui/QueryState';
import { InspectionGrid } from './InspectionGrid';
import { VisitStatusBadge, visitKindText } from './labels';
import { VisitDialog, type VisitAction } from './VisitDialogs';

const nowrap = { whiteSpace: 'nowrap' } as const;
/** A visit made by no contract (a callback after handover) may move anywhere ahead. */
const OPEN_TERM = { startsOn: '0000-01-01', endsOn: '9999-12-31' };

/** Where a visit's page leads back to: its contract, or its customer. */
function visitParent(v: Pick<Visit, 'contractId' | 'customerId'>) {
  return v.contractId !== null ? ({ section: 'contract', id: v.contractId } as const) : ({ section: 'customer', id: v.customerId } as const);
}

function PrintButtons({ visit, hasResults }: { visit: Visit; hasResults: boolean }) {
  const { t } = useTranslation();
  const make = useApiMutation('documents:inspectionForm');
  const configured = usePrintSetup('inspectionForm').paper;
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const print = (filled: boolean) =>
    make.mutate(
      { visitId: visit.id, filled, paper: configured === 'A5' ? 'A5' : 'A4', language: currentLanguage() },
      { onSuccess: (doc) => setPreview({ id: doc.id, kind: 'inspectionForm', number: doc.number, missingGlyphs: doc.missingGlyphs }), onError: (err) => notifyError(t, err) },
    );
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={make.isPending && make.variables?.filled === false} onClick={() => print(false)}>
        {t('inspect.page.printBlank')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconFileText size={14} />} disabled={!hasResults} loading={make.isPending && make.variables?.filled === true} onClick={() => print(true)}>
        {t('inspect.page.printFilled')}
      </Button>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}

const ACTIONS: { action: VisitAction; icon: typeof IconCheck; color?: string }[] = [
  { action: 'move', icon: IconCalendarEvent },
  { action: 'assign', icon: IconUserCog },
  { action: 'missed', icon: IconX },
  { action: 'cancelled', icon: IconBan, color: 'red' },
];

/** A callback's outcome: reached (with what was said) or not (with why), recorded here. */
function CallResult({ visit, phone, onAction }: { visit: Visit; phone: string | null; onAction: (a: VisitAction) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Paper withBorder p="sm" data-testid="callback-result">
      <Group gap="xs" mb={6}>
        <IconPhoneCall size={18} />
        <Title order={3} fz="md" fw={600}>
          {t('inspect.callback.title')}
        </Title>
      </Group>
      {visit.status === 'due' ? (
        <Stack gap="xs">
          <Text size="sm">{t('inspect.callback.ask', { name: visit.customerName, phone: phone ? formatPhone(phone) : t('app.common.none') })}</Text>
          <Group gap="sm">
            <Button size="sm" leftSection={<IconCheck size={16} />} onClick={() => onAction('done')}>
              {t('inspect.callback.done')}
            </Button>
            <Button size="sm" variant="default" leftSection={<IconX size={16} />} onClick={() => onAction('missed')}>
              {t('inspect.callback.missed')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">
          {t(`inspect.callback.result.${visit.status}`, { at: visit.doneAt ? formatDateTime(visit.doneAt, lang) : '', text: [visit.reason, visit.notes].filter(Boolean).join(' · ') || t('app.common.none') })}
        </Text>
      )}
    </Paper>
  );
}

/**
 * One visit: who, where and when, its papers (the blank form to take, the filled one to leave and
 * archive), and what it found, recorded in the inspection grid; a callback records its outcome.
 * Opened from the visits table, the Desk, a technician's day, or the QR code on its form.
 */
export function VisitPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useApiQuery('visits:get', { id });
  const v = query.data;
  const inspection = useApiQuery('visits:inspection', { id }, { enabled: v !== undefined && v.kind !== 'callback' });
  const contract = useApiQuery('contracts:get', { id: v?.contractId ?? 0 }, { enabled: (v?.contractId ?? null) !== null });
  const customer = useApiQuery('customers:get', { id: v?.customerId ?? 0 }, { enabled: v !== undefined });
  const [action, setAction] = useState<VisitAction | null>(null);
  const sites = useMemo(() => new Map((contract.data?.units ?? []).map((u) => [u.id, u.siteAddress])), [contract.data]);
  const none = t('app.common.none');
  const c = customer.data;
  const site = [...new Set([...sites.values()].filter(Boolean))].join(t('app.common.listSeparator')) || c?.address || none;
  const hasResults = (inspection.data?.units ?? []).some((u) => u.findings.length > 0);
  return (
    <>
      <Anchor component="button" type="button" size="sm" mb={6} onClick={() => v && navigate(visitParent(v))}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {v?.contractNumber ? t('inspect.page.backToContract', { number: v.contractNumber }) : t('inspect.page.backToCustomer')}
        </Group>
      </Anchor>
      <QueryState isPending={query.isPending} error={query.error} />
      {v && (
        <Stack gap="md">
          <Paper withBorder p="sm" data-testid="visit-header">
            {/* On a narrow window (a laptop at 125%) the buttons go under the title rather than off the side. */}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm" wrap="nowrap">
                <Title order={2} fz="xl" fw={600} style={nowrap}>
                  {t('inspect.page.title', { number: v.number })}
                </Title>
                <VisitStatusBadge status={v.status} />
                <Badge size="md" radius="sm" variant="light" color="gray" tt="none">
                  {visitKindText(v, t)}
                </Badge>
              </Group>
              <Group gap={6} wrap="wrap">
                {v.kind !== 'callback' && <PrintButtons visit={v} hasResults={hasResults} />}
                {v.status === 'due' &&
                  ACTIONS.map(({ action: a, icon: Icon, color }) => (
                    <Button key={a} size="xs" variant="subtle" color={color} leftSection={<Icon size={14} />} onClick={() => setAction(a)}>
                      {t(`maintenance.visits.actions.${a}`)}
                    </Button>
                  ))}
              </Group>
            </Group>
            <SimpleGrid cols={4} spacing="md" verticalSpacing="xs" mt="xs">
              <Field label={t('inspect.page.customer')}>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => navigate({ section: 'customer', id: v.customerId })}>
                  {v.customerName}
                </Anchor>
              </Field>
              <Field label={t('inspect.page.contract')}>
                {v.contractId !== null ? (
                  <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => navigate({ section: 'contract', id: v.contractId! })}>
                    {v.contractNumber}
                  </Anchor>
                ) : (
                  t('inspect.page.noContract')
                )}
              </Field>
              <Field label={t('inspect.page.due')}>
                {formatDate(v.dueOn, lang)}
                {v.dueOn !== v.plannedOn && <Text span size="xs" c="dimmed">{` ${t('inspect.page.planned', { date: formatDate(v.plannedOn, lang) })}`}</Text>}
              </Field>
              <Field label={t('inspect.page.technician')}>{v.technicianName ?? t('maintenance.visits.unassigned')}</Field>
              <div style={{ gridColumn: 'span 2' }}>
                <Field label={t('inspect.page.site')}>{site}</Field>
              </div>
              <Field label={t('inspect.page.phone')}>{c ? formatPhone(c.phone) : none}</Field>
              <Field label={t('inspect.page.state')}>
                {/* A callback's outcome has its own panel below; elsewhere the reason is read here. */}
                {v.status === 'due'
                  ? t('maintenance.visit.status.due')
                  : [t(`maintenance.visit.status.${v.status}`), v.doneAt ? formatDateTime(v.doneAt, lang) : null, v.kind === 'callback' ? null : v.reason].filter(Boolean).join(' · ')}
              </Field>
            </SimpleGrid>
          </Paper>
          {v.kind === 'callback' ? (
            <CallResult visit={v} phone={c?.phone ?? null} onAction={setAction} />
          ) : (
            <>
              <QueryState isPending={inspection.isPending} error={inspection.error} />
              {v.status !== 'due' && (
                <Alert color="gray" variant="light" py={8}>
                  <Text size="sm">{t('inspect.page.closed', { status: t(`maintenance.visit.status.${v.status}`) })}</Text>
                </Alert>
              )}
              {inspection.data && <InspectionGrid key={`${v.id}:${v.status}`} visit={v} inspection={inspection.data} sites={sites} />}
            </>
          )}
          <VisitDialog visit={action ? v : null} action={action} term={contract.data ?? OPEN_TERM} onClose={() => setAction(null)} />
        </Stack>
      )}
    </>
  );
}
