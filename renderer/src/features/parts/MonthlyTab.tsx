import { ActionIcon, Anchor, Badge, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { formatMoney } from '../../../../shared/format';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { QueryState } from '../../ui/QueryState';
import { FILL_CELL, OneLine, TwoLines } from '../../ui/OneLine';

const nowrap = { whiteSpace: 'nowrap' } as const;

function shiftMonth(month: string, by: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last two years of months, newest first: the list is drawn monthly and looked back on. */
function recentMonths(current: string): string[] {
  return Array.from({ length: 24 }, (_, i) => shiftMonth(current, -i));
}

/** 零件更换清单: every part fitted in a month, with what was charged and what it cost. */
export function MonthlyTab() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const thisMonth = todayIso().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const list = useApiQuery('parts:monthlyReplaced', { month });
  const months = useMemo(() => {
    const all = recentMonths(thisMonth);
    return all.includes(month) ? all : [month, ...all];
  }, [thisMonth, month]);
  const rows = list.data ?? [];
  const totals = rows.reduce((sum, r) => ({ quantity: sum.quantity + r.quantity, charged: sum.charged + r.chargedFen, cost: sum.cost + r.costFen }), {
    quantity: 0,
    charged: 0,
    cost: 0,
  });

  return (
    <>
      <Group mb="sm" gap={4} wrap="nowrap">
        <Tooltip label={t('stock.monthly.previous')} withArrow>
          <ActionIcon variant="default" aria-label={t('stock.monthly.previous')} onClick={() => setMonth(shiftMonth(month, -1))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Select
          w={130}
          size="sm"
          aria-label={t('stock.monthly.month')}
          data={months}
          value={month}
          allowDeselect={false}
          onChange={(v) => v && setMonth(v)}
        />
        <Tooltip label={t('stock.monthly.next')} withArrow>
          <ActionIcon variant="default" aria-label={t('stock.monthly.next')} disabled={month >= thisMonth} onClick={() => setMonth(shiftMonth(month, 1))}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed" py="sm">
          {t('stock.monthly.empty', { month })}
        </Text>
      )}
      {list.isSuccess && rows.length > 0 && (
        <Table striped withTableBorder data-testid="monthly-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('stock.monthly.columns.fittedOn')}</Table.Th>
              <Table.Th w={130}>{t('stock.monthly.columns.ticket')}</Table.Th>
              <Table.Th>{t('stock.monthly.columns.customer')}</Table.Th>
              <Table.Th>{t('stock.monthly.columns.unit')}</Table.Th>
              <Table.Th>{t('stock.monthly.columns.partName')}</Table.Th>
              <Table.Th w={60} ta="right">
                {t('stock.monthly.columns.quantity')}
              </Table.Th>
              <Table.Th w={120}>{t('stock.monthly.columns.warranty')}</Table.Th>
              <Table.Th w={100} ta="right">
                {t('stock.monthly.columns.charged')}
              </Table.Th>
              <Table.Th w={100} ta="right">
                {t('stock.monthly.columns.cost')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.ticketId}-${r.partNumber}-${i}`}>
                <Table.Td style={nowrap}>{r.fittedOn}</Table.Td>
                <Table.Td style={nowrap}>
                  <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'ticket', id: r.ticketId })}>
                    {r.ticketNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td style={FILL_CELL}>
                  <TwoLines text={r.customerName} />
                </Table.Td>
                <Table.Td style={FILL_CELL}>
                  <TwoLines text={r.unitLabel} />
                </Table.Td>
                {/* The part's number under its name: ten columns must fit a laptop at 125% in English. */}
                <Table.Td style={FILL_CELL}>
                  <TwoLines text={r.partName} />
                  <OneLine text={r.partNumber} size="xs" ff="monospace" />
                </Table.Td>
                <Table.Td ta="right">{r.quantity}</Table.Td>
                <Table.Td style={nowrap}>
                  <Badge tt="none" size="sm" radius="sm" variant="light" color={r.inWarranty ? 'teal' : 'gray'}>
                    {t(r.inWarranty ? 'ticketing.warranty.in' : 'ticketing.warranty.out')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" style={nowrap}>
                  {formatMoney(r.chargedFen, lang)}
                </Table.Td>
                <Table.Td ta="right" style={nowrap}>
                  {formatMoney(r.costFen, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600} data-testid="monthly-totals">
              <Table.Td colSpan={5}>{t('stock.monthly.totals')}</Table.Td>
              <Table.Td ta="right">{totals.quantity}</Table.Td>
              <Table.Td />
              <Table.Td ta="right" style={nowrap}>
                {formatMoney(totals.charged, lang)}
              </Table.Td>
              <Table.Td ta="right" style={nowrap}>
                {formatMoney(totals.cost, lang)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </>
  );
}
