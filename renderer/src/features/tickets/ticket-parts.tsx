import { ActionIcon, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconBox, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { Panel } from './ticket-common';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';
import { FittedDay } from './ticket-fitted';

const nowrap = { whiteSpace: 'nowrap' } as const;
/** Whose warranty a fitted part goes under: the ticket's decision, or its own (a part still under its own term). */
type Coverage = 'follow' | 'free' | 'paid';

function AddPart({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const parts = useApiQuery('parts:list', { query: '', limit: 500 });
  const add = useApiMutation('tickets:addPart');
  const [partId, setPartId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [coverage, setCoverage] = useState<Coverage>('follow');
  const [error, setError] = useState<string | null>(null);
  const part = parts.data?.find((p) => String(p.id) === partId);
  const wanted = typeof quantity === 'number' ? quantity : Number(quantity);

  const submit = () => {
    if (!part) return setError(t('tickets.parts.choose'));
    if (!Number.isInteger(wanted) || wanted < 1) return setError(t('validation.quantityPositive'));
    if (wanted > part.quantity) return setError(t('ticketing.errors.outOfStock', { name: part.name, stock: part.quantity, wanted }));
    setError(null);
    add.mutate(
      { id: ticket.id, partId: part.id, quantity: wanted, inWarranty: coverage === 'follow' ? null : coverage === 'free', componentKey: part.componentKey },
      {
        onSuccess: () => {
          notifyDone(t('tickets.parts.added', { name: part.name, quantity: wanted }));
          setPartId(null);
          setQuantity(1);
          setCoverage('follow');
        },
        onError: (err) => setError(errorText(t, err)),
      },
    );
  };

  return (
    <Group
      gap={6}
      align="flex-start"
      wrap="nowrap"
      mt={6}
      data-testid="add-part"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.defaultPrevented && (e.target as HTMLElement).tagName === 'INPUT' && (e.target as HTMLInputElement).getAttribute('aria-haspopup') !== 'listbox') submit();
      }}
    >
      <Select
        style={{ flex: 1 }}
        size="xs"
        aria-label={t('tickets.parts.part')}
        placeholder={parts.data && parts.data.length === 0 ? t('tickets.parts.noneInStock') : t('tickets.parts.partPlaceholder')}
        searchable
        nothingFoundMessage={t('tickets.parts.noMatch')}
        value={partId}
        onChange={(v) => {
          setPartId(v);
          setError(null);
        }}
        data={(parts.data ?? []).map((p) => ({
          value: String(p.id),
          label: t('tickets.parts.option', { number: p.partNumber, name: p.name, stock: p.quantity }),
          disabled: p.quantity === 0,
        }))}
        error={error}
      />
      <NumberInput size="xs" w={70} aria-label={t('tickets.parts.quantity')} min={1} max={part?.quantity ?? 100_000} allowDecimal={false} allowNegative={false} value={quantity} onChange={setQuantity} />
      <Select
        size="xs"
        w={120}
        aria-label={t('tickets.parts.coverage')}
        allowDeselect={false}
        value={coverage}
        onChange={(v) => setCoverage((v as Coverage) ?? 'follow')}
        data={(['follow', 'free', 'paid'] as const).map((c) => ({ value: c, label: t(`tickets.parts.coverageOption.${c}`) }))}
      />
      <Button size="xs" leftSection={<IconPlus size={14} />} onClick={submit} loading={add.isPending}>
        {t('tickets.parts.add')}
      </Button>
      {part && (
        <Text size="xs" c={part.low ? 'orange' : 'dimmed'} mt={6} style={nowrap} data-testid="stock-left">
          {t('tickets.parts.stockLeft', { stock: part.quantity })}
        </Text>
      )}
    </Group>
  );
}

/** Parts fitted on this job: taken from stock when added, returned when removed. */
export function PartsPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const remove = useApiMutation('tickets:removePart');
  const editable = isWorkEditable(ticket.status);
  return (
    <Panel title={t('tickets.parts.title')} icon={<IconBox size={16} stroke={1.6} />} testId="ticket-parts">
      {ticket.parts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {editable ? t('tickets.parts.empty') : t('tickets.parts.none')}
        </Text>
      ) : (
        <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={nowrap}>{t('tickets.parts.number')}</Table.Th>
              <Table.Th>{t('tickets.parts.name')}</Table.Th>
              <Table.Th style={{ ...nowrap, textAlign: 'right' }}>{t('tickets.parts.quantity')}</Table.Th>
              <Table.Th style={nowrap}>{t('tickets.parts.basis')}</Table.Th>
              <Table.Th style={{ ...nowrap, textAlign: 'right' }}>{t('tickets.parts.unit')}</Table.Th>
              <Table.Th style={{ ...nowrap, textAlign: 'right' }}>{t('tickets.parts.line')}</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ticket.parts.map((p, i) => (
              <Table.Tr key={p.id} data-part={p.partNumber}>
                <Table.Td style={nowrap} ff="monospace">
                  {p.partNumber}
                </Table.Td>
                <Table.Td>
                  {/* Two lines at most, the rest on pointing: eight parts must still fit the page. */}
                  <Text size="sm" lineClamp={2} title={p.name}>
                    {p.name}
                  </Text>
                  <FittedDay ticket={ticket} part={p} editable={editable} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{p.quantity}</Table.Td>
                <Table.Td style={nowrap}>{t(`ticketing.partBasis.${ticket.charges.parts[i]?.basis ?? (p.inWarranty ? 'warranty' : 'price')}`)}</Table.Td>
                <Table.Td style={{ ...nowrap, textAlign: 'right' }}>{formatMoney(p.chargedUnitFen, lang)}</Table.Td>
                <Table.Td style={{ ...nowrap, textAlign: 'right' }}>{formatMoney(p.chargedLineFen, lang)}</Table.Td>
                {editable && (
                  <Table.Td w={30}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('tickets.parts.remove', { name: p.name })}
                      title={t('tickets.parts.remove', { name: p.name })}
                      loading={remove.isPending && remove.variables?.ticketPartId === p.id}
                      onClick={() =>
                        remove.mutate(
                          { id: ticket.id, ticketPartId: p.id },
                          { onSuccess: () => notifyDone(t('tickets.parts.removed', { name: p.name, quantity: p.quantity })), onError: (err) => notifyError(t, err) },
                        )
                      }
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && <AddPart ticket={ticket} />}
    </Panel>
  );
}
