import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { InstallationStatus, InstallationSummary } from '../../../../shared/schemas/installation';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { InstallationFormModal } from './InstallationFormModal';

const STATUS_COLOUR: Record<InstallationStatus, string> = { planned: 'blue', accepted: 'green', cancelled: 'gray' };

export function StatusBadge({ status }: { status: InstallationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOUR[status]} radius="sm" tt="none" data-testid="installation-status">
      {t(`installations.status.${status}`)}
    </Badge>
  );
}

/**
 * Installation jobs, the latest appointment first; a row opens its job. On a customer's page the
 * customer column is left out (every row is theirs).
 */
export function InstallationsTable({ rows, withCustomer = true }: { rows: InstallationSummary[]; withCustomer?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const open = (id: number) => navigate({ section: 'installation', id });
  return (
    <Table highlightOnHover withTableBorder data-testid="installations-table" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t('installations.list.columns.number')}</Table.Th>
          {withCustomer && <Table.Th>{t('installations.list.columns.customer')}</Table.Th>}
          <Table.Th>{t('installations.list.columns.site')}</Table.Th>
          <Table.Th w={120}>{t('installations.list.columns.appointment')}</Table.Th>
          <Table.Th w={80}>{t('installations.list.columns.units')}</Table.Th>
          <Table.Th w={150}>{t('installations.list.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((i) => (
          <Table.Tr key={i.id} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => open(i.id)} onKeyDown={(e) => e.key === 'Enter' && open(i.id)}>
            <Table.Td ff="monospace">{i.number}</Table.Td>
            {withCustomer && <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.customerName}</Table.Td>}
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.siteAddress ?? ''}</Table.Td>
            <Table.Td>{formatDate(i.appointmentOn, lang)}</Table.Td>
            <Table.Td>{t('installations.list.units', { count: i.unitCount })}</Table.Td>
            <Table.Td>
              <StatusBadge status={i.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Installation jobs, the latest appointment first. */
export function InstallationsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('installations:list', { status: 'all', limit: 200 });
  return (
    <>
      <PageHeader title={t('installations.list.title')}>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="new-installation">
          {t('installations.list.new')}
        </Button>
      </PageHeader>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data &&
        (list.data.length === 0 ? (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('installations.list.empty')}
            </Text>
          </Paper>
        ) : (
          <InstallationsTable rows={list.data} />
        ))}
      {creating && <InstallationFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
