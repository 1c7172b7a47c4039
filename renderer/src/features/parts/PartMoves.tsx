import { Anchor, Drawer, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { Part } from '../../../../shared/schemas/resources';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { QueryState } from '../../ui/QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Every change of one part's count, newest first: the count explained line by line. */
export function MovesTable({ partId }: { partId: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const moves = useApiQuery('parts:moves', { id: partId });
  return (
    <>
      <QueryState isPending={moves.isPending} error={moves.error} />
      {moves.isSuccess && moves.data.length === 0 && (
        <Text size="sm" c="dimmed" py="sm">
          {t('stock.moves.empty')}
        </Text>
      )}
      {moves.isSuccess && moves.data.length > 0 && (
        <Table striped withTableBorder data-testid="moves-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('stock.moves.columns.at')}</Table.Th>
              <Table.Th w={100}>{t('stock.moves.columns.reason')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('stock.moves.columns.delta')}
              </Table.Th>
              <Table.Th w={140}>{t('stock.moves.columns.ticket')}</Table.Th>
              <Table.Th>{t('stock.moves.columns.note')}</Table.Th>
              <Table.Th w={90}>{t('stock.moves.columns.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {moves.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={nowrap}>{formatDateTime(m.at, lang)}</Table.Td>
                <Table.Td style={nowrap}>{t(`stock.moves.reason.${m.reason}`)}</Table.Td>
                <Table.Td ta="right" fw={600} c={m.delta < 0 ? 'red.8' : 'teal.8'} ff="monospace">
                  {m.delta > 0 ? `+${m.delta}` : m.delta}
                </Table.Td>
                <Table.Td style={nowrap}>
                  {m.ticketId !== null && m.ticketNumber ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'ticket', id: m.ticketId! })}>
                      {m.ticketNumber}
                    </Anchor>
                  ) : (
                    t('app.common.none')
                  )}
                </Table.Td>
                <Table.Td>{m.note ?? ''}</Table.Td>
                <Table.Td style={nowrap}>{m.who}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

export function MovesDrawer({ part, onClose }: { part: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={part !== null}
      onClose={onClose}
      position="right"
      size={760}
      title={part ? t('stock.moves.title', { partNumber: part.partNumber, name: part.name }) : ''}
      styles={{ title: { fontWeight: 600 } }}
    >
      {part && (
        <>
          <Text size="sm" mb="xs">
            {t('stock.moves.stockNow', { stock: part.quantity })}
          </Text>
          <MovesTable partId={part.id} />
        </>
      )}
    </Drawer>
  );
}

/** The moves tab: pick any part, active or not, and read its history. */
export function MovesTab() {
  const { t } = useTranslation();
  const parts = useApiQuery('parts:list', { query: '', includeInactive: true, limit: 500 });
  const [partId, setPartId] = useState<string | null>(null);
  const part = (parts.data ?? []).find((p) => String(p.id) === partId) ?? null;
  return (
    <>
      <Group mb="sm" gap="lg" align="flex-end">
        <Select
          w={420}
          label={t('stock.moves.pickPart')}
          placeholder={t('stock.moves.pickPlaceholder')}
          searchable
          data={(parts.data ?? []).map((p) => ({ value: String(p.id), label: `${p.partNumber}  ${p.name}` }))}
          value={partId}
          onChange={setPartId}
        />
        {part && (
          <Text size="sm" pb={6}>
            {t('stock.moves.stockNow', { stock: part.quantity })}
          </Text>
        )}
      </Group>
      {part ? (
        <MovesTable partId={part.id} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('stock.moves.pickFirst')}
        </Text>
      )}
    </>
  );
}
