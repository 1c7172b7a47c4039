import { ActionIcon, Button, Divider, Grid, Group, NumberInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCash, IconPlus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain/charges';
import { formatMoney } from '../../../../shared/format';
import { ticketChargesInput, type TicketDetail } from '../../../../shared/schemas/ticket';
import { fieldErrors } from '../../../../shared/validation';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { fieldErrorTexts, translateFieldMessages } from '../../lib/errorText';
import { SaveButton } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import { moneyErrors, typedFen } from '../../lib/money';
import { useSettings } from '../../app/language';
import { notifyDone, notifyError } from '../../lib/notify';
import { Panel } from './ticket-common';
import { yuanText } from '../../../../shared/domain/yuan';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';

interface LabourRow {
  feeId: number | null;
  name: string;
  amount: string;
  quantity: number | string;
}

interface ChargeValues {
  labour: LabourRow[];
  travel: string;
  discount: string;
  discountReason: string;
  paid: string;
  paymentMethod: PaymentMethod | null;
  lifetimeMaintenance: boolean;
}

/** Input paths (in fen) → the form's fields (in yuan). */
function formPath(path: string): string {
  return path.replace(/^labour\.(\d+)\.amountFen$/, 'labour.$1.amount').replace(/^(travel|discount|paid)Fen$/, '$1');
}

const KNOWN = /^(labour|travel|discount|discountReason|paid|paymentMethod|lifetimeMaintenance)(\.|$)/;

/** Yuan as typed → the backend's input in fen; a blank amount is none. */
function toInput(v: ChargeValues, id: number) {
  return {
    id,
    labour: v.labour.map((l) => ({
      feeId: l.feeId,
      name: l.name,
      amountFen: typedFen(l.amount, 0),
      quantity: l.quantity === '' ? (undefined as unknown as number) : Number(l.quantity),
    })),
    travelFen: typedFen(v.travel, 0),
    discountFen: typedFen(v.discount, 0),
    discountReason: v.discountReason,
    paidFen: typedFen(v.paid, 0),
    paymentMethod: v.paymentMethod,
    lifetimeMaintenance: v.lifetimeMaintenance,
  };
}

function validate(t: TFunction, id: number) {
  return (v: ChargeValues): Record<string, string> => {
    const amounts = Object.fromEntries([...v.labour.map((l, i) => [`labour.${i}.amount`, l.amount]), ['travel', v.travel], ['discount', v.discount], ['paid', v.paid]]);
    const errors = moneyErrors(t, amounts, false);
    if (Object.keys(errors).length > 0) return errors;
    const parsed = ticketChargesInput.safeParse(toInput(v, id));
    if (parsed.success) return {};
    const out: Record<string, string> = {};
    for (const [path, text] of Object.entries(translateFieldMessages(t, fieldErrors(parsed.error)))) out[formPath(path)] = text;
    return out;
  };
}

function Totals({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const c = ticket.charges;
  const money = (fen: number) => formatMoney(fen, lang);
  const balance = c.totalFen - ticket.paidFen;
  const rows: [string, string, number][] = [
    ['parts', t('tickets.charges.partsTotal'), c.partsFen],
    ['labour', t('tickets.charges.labourTotal'), c.labourFen],
    ['travel', t('tickets.charges.travelTotal'), c.travelFen],
    ['subtotal', t('tickets.charges.subtotal'), c.subtotalFen],
    ['discount', t('tickets.charges.discountTotal'), -c.discountFen],
  ];
  return (
    <Table verticalSpacing={2} horizontalSpacing={4} fz="sm" data-testid="charges-totals">
      <Table.Tbody>
        {rows.map(([key, label, fen]) => (
          <Table.Tr key={key} data-line={key}>
            <Table.Td c="dimmed">{label}</Table.Td>
            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(fen)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr data-line="total">
          <Table.Td fw={700}>{t('tickets.charges.total')}</Table.Td>
          <Table.Td fw={700} style={{ textAlign: 'right', whiteSpace: 'nowrap' }} data-testid="charges-total">
            {money(c.totalFen)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr data-line="paid">
          <Table.Td c="dimmed">{ticket.paymentMethod ? t('tickets.charges.paidBy', { method: t(`ticketing.payment.${ticket.paymentMethod}`) }) : t('tickets.charges.paidTotal')}</Table.Td>
          <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(ticket.paidFen)}</Table.Td>
        </Table.Tr>
        <Table.Tr data-line="due">
          {/* Paid more than is now due (the decision went to "in warranty" after payment): money to give back. */}
          <Table.Td fw={600}>{t(balance < 0 ? 'tickets.charges.refund' : 'tickets.charges.balance')}</Table.Td>
          <Table.Td fw={600} c={balance !== 0 ? (balance > 0 ? 'red' : 'orange') : undefined} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
            {money(Math.abs(balance))}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function ChargesForm({
  ticket,
  defaultTravelFen,
  save,
}: {
  ticket: TicketDetail;
  defaultTravelFen: number;
  save: ReturnType<typeof useApiMutation<'tickets:setCharges'>>;
}) {
  const { t } = useTranslation();
  const fees = useApiQuery('fees:list', {});
  const charged = ticket.events.some((e) => e.kind === 'charges');
  // In warranty the engine shows travel as 0: keep offering the region's fee, in case the decision changes.
  const travelFen = charged && (ticket.charges.travelFen > 0 || !ticket.warranty.inWarranty) ? ticket.charges.travelFen : defaultTravelFen;
  const form = useForm<ChargeValues>({
    initialValues: {
      labour: ticket.labour.map((l) => ({ feeId: l.feeId, name: l.name, amount: yuanText(l.amountFen), quantity: l.quantity })),
      travel: yuanText(travelFen),
      discount: ticket.charges.discountFen > 0 ? yuanText(ticket.charges.discountFen) : '',
      discountReason: ticket.discountReason ?? '',
      paid: ticket.paidFen > 0 ? yuanText(ticket.paidFen) : '',
      paymentMethod: ticket.paymentMethod,
      lifetimeMaintenance: ticket.lifetimeMaintenance,
    },
    validate: validate(t, ticket.id),
  });
  const editable = isWorkEditable(ticket.status);
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values, ticket.id), {
      onSuccess: (saved) => {
        notifyDone(t('tickets.charges.saved', { total: formatMoney(saved.charges.totalFen, currentLanguage()) }));
        form.resetDirty();
      },
      onError: (err) => {
        const known = Object.fromEntries(Object.entries(fieldErrorTexts(t, err)).map(([p, text]) => [formPath(p), text]).filter(([p]) => KNOWN.test(p!)));
        if (Object.keys(known).length > 0) form.setErrors(known);
        else notifyError(t, err);
      },
    }),
  );
  const submit = () => handleSubmit();
  const money = (path: string, props: { label?: string; w?: number; 'aria-label'?: string }) => (
    <MoneyInput size="xs" disabled={!editable} {...props} {...form.getInputProps(path)} />
  );
  const activeFees = (fees.data ?? []).filter((f) => f.active);

  return (
    <form noValidate onSubmit={handleSubmit} onKeyDown={getHotkeyHandler([['mod+S', submit]])} aria-label={t('tickets.charges.title')}>
      <Grid gap="sm">
        <Grid.Col span={8}>
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('tickets.charges.labour')}
            </Text>
            {form.values.labour.length === 0 && (
              <Text size="xs" c="dimmed">
                {editable ? t('tickets.charges.noLabour') : t('app.common.none')}
              </Text>
            )}
            {form.values.labour.map((_, i) => (
              <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid="labour-line">
                <TextInput size="xs" style={{ flex: 1 }} aria-label={t('tickets.charges.labourName')} disabled={!editable} {...form.getInputProps(`labour.${i}.name`)} />
                {money(`labour.${i}.amount`, { w: 100, 'aria-label': t('tickets.charges.labourAmount') })}
                <NumberInput size="xs" w={64} aria-label={t('tickets.charges.labourQuantity')} min={1} allowDecimal={false} allowNegative={false} disabled={!editable} {...form.getInputProps(`labour.${i}.quantity`)} />
                {editable && (
                  <ActionIcon variant="subtle" color="gray" mt={2} aria-label={t('tickets.charges.removeLabour')} onClick={() => form.removeListItem('labour', i)}>
                    <IconX size={14} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {editable && (
              <Group gap={6} wrap="nowrap">
                <Select
                  size="xs"
                  w={220}
                  aria-label={t('tickets.charges.addFee')}
                  placeholder={activeFees.length === 0 ? t('tickets.charges.noFees') : t('tickets.charges.addFee')}
                  searchable
                  value={null}
                  data={activeFees.map((f) => ({ value: String(f.id), label: t('tickets.charges.feeOption', { name: f.name, amount: formatMoney(f.amountFen, currentLanguage()) }) }))}
                  onChange={(v) => {
                    const fee = activeFees.find((f) => String(f.id) === v);
                    if (fee) form.insertListItem('labour', { feeId: fee.id, name: fee.name, amount: yuanText(fee.amountFen), quantity: 1 });
                  }}
                />
                <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('labour', { feeId: null, name: '', amount: '', quantity: 1 })}>
                  {t('tickets.charges.customLine')}
                </Button>
              </Group>
            )}
            <Divider my={2} />
            <Group gap={6} wrap="nowrap" align="flex-start">
              {money('travel', { label: t('tickets.charges.travel'), w: 110 })}
              {money('discount', { label: t('tickets.charges.discount'), w: 110 })}
              <TextInput size="xs" style={{ flex: 1 }} label={t('tickets.charges.discountReason')} disabled={!editable} {...form.getInputProps('discountReason')} />
            </Group>
            <Group gap={6} wrap="nowrap" align="flex-end">
              {money('paid', { label: t('tickets.charges.paid'), w: 110 })}
              <Select
                size="xs"
                w={130}
                label={t('tickets.charges.paymentMethod')}
                clearable
                disabled={!editable}
                data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`ticketing.payment.${m}`) }))}
                {...form.getInputProps('paymentMethod')}
              />
              <Switch
                size="sm"
                mb={6}
                label={t('tickets.charges.lifetime')}
                title={t('tickets.charges.lifetimeHint')}
                disabled={!editable}
                {...form.getInputProps('lifetimeMaintenance', { type: 'checkbox' })}
              />
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={4}>
          <Totals ticket={ticket} />
          {ticket.warranty.inWarranty && (
            <Text size="xs" c="green" mt={4}>
              {t('tickets.charges.freeInWarranty')}
            </Text>
          )}
          {editable && (
            <Group justify="flex-end" mt={6} gap={6}>
              {form.isDirty() && (
                <Text size="xs" c="orange">
                  {t('tickets.work.unsaved')}
                </Text>
              )}
              <SaveButton loading={save.isPending} />
            </Group>
          )}
        </Grid.Col>
      </Grid>
    </form>
  );
}

/**
 * What the customer pays: labour from the fee table, travel by region, parts as fitted, a
 * discount with its reason. Amounts are typed in yuan and stored in fen; the totals shown are
 * the backend's own sums.
 */
export function ChargesPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const settings = useSettings().data;
  const defaultTravelFen = settings?.service.travelFen[ticket.region] ?? 0;
  // Owned here, not by the form: saving remounts the form, and a mutation's callbacks die with its owner.
  const save = useApiMutation('tickets:setCharges');
  // The form starts again from what is stored when the stored charges change (not when a part is added).
  const key = JSON.stringify([ticket.id, ticket.labour, ticket.charges.travelFen, ticket.charges.discountFen, ticket.paidFen, ticket.paymentMethod, ticket.discountReason, ticket.lifetimeMaintenance, defaultTravelFen]);
  return (
    <Panel title={t('tickets.charges.title')} icon={<IconCash size={16} stroke={1.6} />} testId="ticket-charges">
      <ChargesForm key={key} ticket={ticket} defaultTravelFen={defaultTravelFen} save={save} />
    </Panel>
  );
}
