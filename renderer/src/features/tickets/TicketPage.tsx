import { Anchor, Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone } from '../../../../shared/format';
import { panelStates, type PanelFacts } from '../../../../shared/domain/ticket-stage';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { notifyDone } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { SeverityBadge, StatusBadge, WarrantyDecisionBadge } from './badges';
import { AppointDialog, AssignDialog, AssignmentPanel } from './ticket-assignment';
import { CallbacksPanel } from './ticket-callbacks';
import { ReviewPanel } from './ticket-review';
import { ChargesPanel } from './ticket-charges';
import { DeadlinesPanel } from './ticket-deadlines';
import { LoanPanel } from './ticket-loan';
import { MoveButtons } from './ticket-moves';
import { PartsPanel } from './ticket-parts';
import { likelyDocument, PrintDialog, PrintMenu, useTicketPrint, type TicketDocument } from './ticket-print';
import { StagePanel, StageStepper } from './ticket-stage';
import { TimelinePanel } from './ticket-timeline';
import { WarrantyPanel } from './ticket-warranty';
import { ReportPanel, WorkPanel } from './ticket-work';
import { AttachmentPanel } from '../attachments';

const nowrap = { whiteSpace: 'nowrap' } as const;

function panelFacts(ticket: TicketDetail): PanelFacts {
  return {
    status: ticket.status,
    walkIn: ticket.source === 'walkIn',
    hasAssignment: ticket.technicians.length > 0 || ticket.appointment !== null,
    hasWork: Boolean(ticket.diagnosis || ticket.cause || ticket.action),
    hasParts: ticket.parts.length > 0,
    hasCharges: ticket.labour.length > 0 || ticket.paidFen > 0 || ticket.charges.discountFen > 0 || ticket.charges.travelFen > 0,
    hasLoans: ticket.loans.length > 0,
    hasCallbacks: ticket.callbacks.length > 0,
  };
}

function UnitLink({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  if (ticket.unitId !== null && ticket.unit) {
    const unitId = ticket.unitId;
    return (
      <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'unit', id: unitId })} data-testid="ticket-unit">
        {ticket.unit.brand} {ticket.unit.model}{' '}
        <Text span ff="monospace" size="sm">
          {ticket.unit.serial}
        </Text>
      </Anchor>
    );
  }
  const u = ticket.unregisteredUnit;
  return (
    <Text size="sm" data-testid="ticket-unit">
      {u ? t('tickets.page.unregisteredUnit', { brand: u.brand, model: u.model, serial: u.serial ?? t('app.common.none') }) : ticket.unitLabel}
    </Text>
  );
}

function Header({ ticket, onPrint }: { ticket: TicketDetail; onPrint: (kind: TicketDocument) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Stack gap={4} mb="sm" data-testid="ticket-header">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Title order={2} fz="xl" fw={600} style={nowrap}>
            {t('tickets.page.title', { number: ticket.number })}
          </Title>
          <StatusBadge status={ticket.status} size="md" />
          {ticket.solvedByPhone && (
            <Badge size="md" variant="light" color="teal" tt="none" data-testid="ticket-solved-by-phone">
              {t('calls.ticket.badge')}
            </Badge>
          )}
          <SeverityBadge severity={ticket.severity} size="md" />
          <WarrantyDecisionBadge inWarranty={ticket.warranty.inWarranty} size="md" />
        </Group>
        {/* A cancelled ticket has no paper to hand anyone (the backend refuses it too). */}
        {ticket.status !== 'cancelled' && <PrintMenu onPick={onPrint} />}
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Group gap={10} wrap="wrap" style={{ rowGap: 2 }}>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => navigate({ section: 'customer', id: ticket.customerId })} data-testid="ticket-customer">
            {ticket.customerName}
          </Anchor>
          {ticket.contactPhone && <Text size="sm">{formatPhone(ticket.contactPhone)}</Text>}
          <UnitLink ticket={ticket} />
          <Text size="sm" c="dimmed" style={nowrap}>
            {t('tickets.page.reportedAt', { at: formatDateTime(ticket.reportedAt, lang) })}
          </Text>
        </Group>
        <MoveButtons ticket={ticket} />
      </Group>
    </Stack>
  );
}

type Dialog = 'assign' | 'appoint' | null;

/**
 * One repair ticket from the call to the closed callback. Left, what the job is and costs
 * (report, work, parts, charges); right, what the desk watches (deadlines, warranty, who goes,
 * loaner, callback, history).
 */
export function TicketPage({ id }: { id: number }) {
  const { t } = useTranslation();
  // Deadline badges count down: refetch now and then so "at risk" turns up without a click.
  const query = useApiQuery('tickets:get', { id }, { refetchInterval: 60_000 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [printing, setPrinting] = useState<TicketDocument | null>(null);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const ticket = query.data;
  const close = () => setDialog(null);
  const panels = ticket ? panelStates(panelFacts(ticket)) : null;
  const print = useTicketPrint(ticket, setPrinting);

  useHotkeys([['mod+P', () => ticket && ticket.status !== 'cancelled' && dialog === null && printing === null && preview === null && !print.pending && print.start(likelyDocument(ticket))]], []);

  return (
    <>
      {ticket && (
        <Anchor component="button" type="button" size="sm" mb={4} onClick={() => navigate({ section: 'tickets' })}>
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('tickets.page.back')}
          </Group>
        </Anchor>
      )}
      <QueryState isPending={query.isPending} error={query.error} />
      {ticket && panels && (
        <>
          <Header ticket={ticket} onPrint={print.start} />
          <StageStepper ticket={ticket} />
          <Grid gap="sm">
            <Grid.Col span={7}>
              <Stack gap="sm">
                <StagePanel panel="report" state={panels.report}>
                  <ReportPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="work" state={panels.work}>
                  <WorkPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="parts" state={panels.parts}>
                  <PartsPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="charges" state={panels.charges}>
                  <ChargesPanel ticket={ticket} />
                </StagePanel>
                <AttachmentPanel record={{ type: 'ticket', id: ticket.id }} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={5}>
              <Stack gap="sm">
                <StagePanel panel="deadlines" state={panels.deadlines}>
                  <DeadlinesPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="warranty" state={panels.warranty}>
                  <WarrantyPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="assignment" state={panels.assignment}>
                  <AssignmentPanel ticket={ticket} onAssign={() => setDialog('assign')} onAppoint={() => setDialog('appoint')} />
                </StagePanel>
                <StagePanel panel="loan" state={panels.loan}>
                  <LoanPanel ticket={ticket} />
                </StagePanel>
                <ReviewPanel ticket={ticket} />
                <StagePanel panel="callbacks" state={panels.callbacks}>
                  <CallbacksPanel ticket={ticket} />
                </StagePanel>
                <StagePanel panel="timeline" state={panels.timeline}>
                  <TimelinePanel ticket={ticket} />
                </StagePanel>
              </Stack>
            </Grid.Col>
          </Grid>
          <AssignDialog
            ticket={ticket}
            opened={dialog === 'assign'}
            onClose={close}
            onSaved={() => {
              close();
              notifyDone(t('tickets.assign.saved'));
            }}
          />
          <AppointDialog
            ticket={ticket}
            opened={dialog === 'appoint'}
            onClose={close}
            onSaved={() => {
              close();
              notifyDone(t('tickets.appoint.saved'));
            }}
          />
          <PrintDialog
            ticket={ticket}
            kind={printing}
            onClose={() => setPrinting(null)}
            onGenerated={(doc) => {
              setPrinting(null);
              setPreview(doc);
            }}
          />
        </>
      )}
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
