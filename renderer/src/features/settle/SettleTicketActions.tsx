import { Alert, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';
import { parseYuan } from '../../../../shared/domain/yuan';
import { formatMoney } from '../../../../shared/format';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import { FeedbackModal } from './FeedbackModal';
import { usePaper } from './usePaper';

/**
 * On a ticket: the refund or exchange under 三包 with its form, and the information feedback
 * form to the maker. A settled ticket shows its form to print again.
 */
export function SettleTicketActions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const settled = useApiQuery('settlements:forTicket', { id: ticket.id }, { enabled: ticket.unitId !== null });
  const form = usePaper('documents:settlementForm');
  const feedbackPaper = usePaper('documents:feedbackForm');
  const [open, setOpen] = useState<'refund' | 'exchange' | 'feedback' | null>(null);
  if (ticket.unitId === null) return null;
  const editable = isWorkEditable(ticket.status);
  const s = settled.data;
  return (
    <Stack gap={6} mt={8} data-testid="settle-ticket">
      {s ? (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t(`settle.screen.ticket.settled.${s.kind}`, { number: s.number, amount: formatMoney(s.kind === 'refund' ? s.refundFen : (s.differenceFen ?? 0), currentLanguage()) })}
          </Text>
          <Button size="compact-xs" variant="default" loading={form.pending} onClick={() => form.print({ id: s.id })}>
            {t('settle.screen.print')}
          </Button>
        </Group>
      ) : (
        editable && (
          <Group gap={6}>
            <Button size="compact-xs" variant="light" color="red" onClick={() => setOpen('refund')} data-testid="settle-refund">
              {t('settle.screen.ticket.refund')}
            </Button>
            <Button size="compact-xs" variant="light" color="orange" onClick={() => setOpen('exchange')}>
              {t('settle.screen.ticket.exchange')}
            </Button>
          </Group>
        )
      )}
      <Group gap={6}>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen('feedback')}>
          {t('settle.screen.ticket.feedback')}
        </Button>
      </Group>
      {(open === 'refund' || open === 'exchange') && <SettleModal ticket={ticket} kind={open} onClose={() => setOpen(null)} onDone={(id) => form.print({ id })} />}
      {open === 'feedback' && (
        <FeedbackModal
          source={{ ticketId: ticket.id }}
          title={t('settle.screen.ticket.feedbackTitle', { number: ticket.number })}
          initialProblem={ticket.faultReported}
          onClose={() => setOpen(null)}
          onDone={(id) => feedbackPaper.print({ id })}
        />
      )}
      {form.preview}
      {feedbackPaper.preview}
    </Stack>
  );
}

function SettleModal({ ticket, kind, onClose, onDone }: { ticket: TicketDetail; kind: 'refund' | 'exchange'; onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [price, setPrice] = useState('');
  const [testReport, setTestReport] = useState('');
  // Empty: the customer signed for the goods on the invoice day.
  const [receiptDate, setReceiptDate] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [newSerial, setNewSerial] = useState('');
  const [newPrice, setNewPrice] = useState('');
  const [newModelId, setNewModelId] = useState<string | null>(null);
  const parsed = parseYuan(price);
  const priceFen = parsed.ok ? parsed.fen : null;
  const preview = useApiQuery('settlements:preview', { ticketId: ticket.id, priceFen: priceFen ?? 0 }, { enabled: priceFen !== null });
  const models = useApiQuery('makers:models', {}, { enabled: kind === 'exchange' });
  const refund = useApiMutation('settlements:refund');
  const exchange = useApiMutation('settlements:exchange');
  const p = preview.data;
  const allowed = p ? (kind === 'refund' ? p.refundAllowed : p.exchangeAllowed) : true;
  const done = { onSuccess: (s: { id: number; number: string }) => (notifyDone(t('settle.screen.ticket.done', { number: s.number })), onClose(), onDone(s.id)), onError: (e: unknown) => notifyError(t, e) };
  const submit = () => {
    if (priceFen === null) return;
    const common = { ticketId: ticket.id, priceFen, testReport, receiptDate: receiptDate || undefined, overrideReason: allowed ? null : overrideReason };
    if (kind === 'refund') refund.mutate(common, done);
    else {
      const np = parseYuan(newPrice);
      exchange.mutate({ ...common, newSerial, newPriceFen: np.ok ? np.fen : undefined, newModelId: newModelId ? Number(newModelId) : undefined }, done);
    }
  };
  const days = (n: number) => t('settle.print.days', { count: n });
  return (
    <FormModal opened onClose={onClose} title={t(`settle.screen.ticket.${kind}Title`, { number: ticket.number })} onSubmit={(e) => (e?.preventDefault(), submit())} saving={refund.isPending || exchange.isPending} size={620}>
      <Stack gap="xs">
        <MoneyInput label={t('settle.print.line.price')} value={price} onChange={setPrice} data-autofocus data-testid="settle-price" />
        <Group grow align="flex-start">
          <TextInput label={t('settle.print.testReport')} value={testReport} onChange={(e) => setTestReport(e.currentTarget.value)} data-testid="settle-report" />
          <DateField label={t('settle.print.receiptDate')} description={t('settle.screen.ticket.receiptHint')} value={receiptDate || null} onChange={(d) => setReceiptDate(d ?? '')} max={todayIso()} clearable data-testid="settle-receipt" />
        </Group>
        {p && (
          <Table withTableBorder data-testid="settle-preview">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('settle.print.line.elapsed', { from: p.invoiceDate, to: p.settledOn })}</Table.Td>
                <Table.Td ta="right">{days(p.daysElapsed)}</Table.Td>
              </Table.Tr>
              {kind === 'refund' &&
                p.stays
                  .filter((st) => st.days > 0)
                  .map((st) => (
                  <Table.Tr key={st.ticketNumber}>
                    <Table.Td>{t('settle.print.line.stay', { number: st.ticketNumber, from: st.from, to: st.to })}</Table.Td>
                    <Table.Td ta="right">{t('settle.print.minusDays', { count: st.days })}</Table.Td>
                  </Table.Tr>
                ))}
              {kind === 'refund' && (
                <>
                  <Table.Tr>
                    <Table.Td>{t('settle.print.line.depreciation', { price: formatMoney(priceFen ?? 0, lang), rate: (p.rateBp / 100).toFixed(2), days: p.chargedDays })}</Table.Td>
                    <Table.Td ta="right">{formatMoney(p.depreciationFen, lang)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr fw={600}>
                    <Table.Td>{t('settle.print.line.refund')}</Table.Td>
                    <Table.Td ta="right" c={p.refundFen < 0 ? 'red' : undefined}>
                      {formatMoney(p.refundFen, lang)}
                    </Table.Td>
                  </Table.Tr>
                </>
              )}
            </Table.Tbody>
          </Table>
        )}
        {kind === 'exchange' && (
          <>
            <Select
              label={t('settle.screen.ticket.newModel')}
              placeholder={t('settle.screen.ticket.sameModel')}
              clearable
              data={(models.data ?? []).filter((m) => !m.discontinuedOn).map((m) => ({ value: String(m.id), label: `${m.brand} ${m.model}` }))}
              value={newModelId}
              onChange={setNewModelId}
            />
            <TextInput label={t('settle.screen.ticket.newSerial')} value={newSerial} onChange={(e) => setNewSerial(e.currentTarget.value)} />
            <MoneyInput label={t('settle.screen.ticket.newPrice')} description={t('settle.screen.ticket.newPriceHint')} value={newPrice} onChange={setNewPrice} />
          </>
        )}
        {!allowed && (
          <Alert color="orange" variant="light" p={8}>
            <Text size="sm">{t(`settle.screen.ticket.outside.${kind}`)}</Text>
            <Textarea mt={6} label={t('settle.print.override')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} autosize minRows={2} data-testid="settle-override" />
          </Alert>
        )}
      </Stack>
    </FormModal>
  );
}
