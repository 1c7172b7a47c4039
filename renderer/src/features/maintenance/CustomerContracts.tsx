import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { QueryState } from '../../ui/QueryState';
import { ContractFormModal } from './ContractFormModal';
import { StatsPrintButton } from './PaperPrintButtons';
import { ContractStateBadge, termText } from './labels';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** A customer's maintenance contracts, newest terms last, on their page; a row opens the contract. */
export function CustomerContracts({ customerId, disabled = false }: { customerId: number; disabled?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('contracts:list', { customerId, status: 'all', limit: 50 });
  const rows = list.data ?? [];
  const open = (id: number) => navigate({ section: 'contract', id });
  return (
    <Stack gap="xs" data-testid="customer-contracts">
      <Group justify="space-between">
        <Title order={3} fz="md" fw={600}>
          {t('maintenance.customer.title')}
        </Title>
        <Group gap={6}>
          <StatsPrintButton customerId={customerId} />
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} disabled={disabled} onClick={() => setCreating(true)}>
            {t('maintenance.customer.new')}
          </Button>
        </Group>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <Paper withBorder px="sm" py={8}>
          <Text size="sm" c="dimmed">
            {t('maintenance.customer.empty')}
          </Text>
        </Paper>
      )}
      {rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder data-testid="customer-contracts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('maintenance.list.columns.number')}</Table.Th>
              <Table.Th>{t('maintenance.list.columns.term')}</Table.Th>
              <Table.Th>{t('maintenance.list.columns.kind')}</Table.Th>
              <Table.Th ta="right">{t('maintenance.list.columns.units')}</Table.Th>
              <Table.Th>{t('maintenance.list.columns.nextVisit')}</Table.Th>
              <Table.Th>{t('maintenance.list.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => open(c.id)} onKeyDown={(e) => e.key === 'Enter' && open(c.id)}>
                <Table.Td ff="monospace" style={nowrap}>
                  {c.number}
                </Table.Td>
                <Table.Td style={nowrap}>{termText(c.startsOn, c.endsOn, lang)}</Table.Td>
                <Table.Td style={nowrap}>{t(`maintenance.contract.kindShort.${c.kind}`)}</Table.Td>
                <Table.Td ta="right">{c.unitCount}</Table.Td>
                <Table.Td style={nowrap}>{c.nextVisitOn ? formatDate(c.nextVisitOn, lang) : t('app.common.none')}</Table.Td>
                <Table.Td>
                  <ContractStateBadge contract={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ContractFormModal opened={creating} customerId={customerId} onClose={() => setCreating(false)} />
    </Stack>
  );
}
