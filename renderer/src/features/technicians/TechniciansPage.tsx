import { ActionIcon, Badge, Button, EmptyState, Group, Kbd, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPencil, IconUserCog, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/format';
import type { Technician } from '../../../../shared/schemas/resources';
import { useApiQuery } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { SortTh, useSortedRows } from '../../ui/sorting';
import { TechnicianDay } from './TechnicianDay';
import { TechnicianFormModal } from './TechnicianFormModal';

const SORT = {
  name: (x: Technician) => x.name,
  phone: (x: Technician) => x.phone,
  certificate: (x: Technician) => x.certificateNo,
  state: (x: Technician) => (x.active ? 0 : 1),
  openTickets: (x: Technician) => x.openTickets,
};

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The service team: who can be dispatched, what they can fix, how busy they are, and their day. */
export function TechniciansPage() {
  const { t } = useTranslation();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<{ item: Technician | null } | null>(null);
  const list = useApiQuery('technicians:list', { includeInactive }, { placeholderData: (previous) => previous });
  const active = useApiQuery('technicians:list', { includeInactive: false });
  const { sorted, sort, toggle } = useSortedRows(list.data ?? [], SORT);

  useHotkeys([['mod+N', () => setEditing({ item: null })]], []);

  return (
    <>
      <PageHeader title={t('stock.technicians.title')}>
        <Switch size="sm" label={t('stock.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing({ item: null })}>
          {t('stock.technicians.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.new')}
          </Kbd>
        </Button>
      </PageHeader>
      <Stack gap="xl">
        <section>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.isSuccess && list.data.length === 0 && (
            <EmptyState
              size="sm"
              icon={<IconUserCog size={24} />}
              withIndicatorBackground
              title={t('stock.technicians.empty.title')}
              description={t('stock.technicians.empty.description')}
            />
          )}
          {list.isSuccess && list.data.length > 0 && (
            <>
              <Table striped highlightOnHover withTableBorder data-testid="technicians-table">
                <Table.Thead>
                  <Table.Tr>
                    <SortTh column="name" sort={sort} onSort={toggle}>
                      {t('stock.technicians.columns.name')}
                    </SortTh>
                    <SortTh column="phone" sort={sort} onSort={toggle}>
                      {t('stock.technicians.columns.phone')}
                    </SortTh>
                    <Table.Th>{t('stock.technicians.columns.skills')}</Table.Th>
                    <SortTh column="certificate" sort={sort} onSort={toggle}>
                      {t('stock.technicians.columns.certificate')}
                    </SortTh>
                    <SortTh column="state" sort={sort} onSort={toggle} w={110}>
                      {t('stock.technicians.columns.state')}
                    </SortTh>
                    <SortTh column="openTickets" sort={sort} onSort={toggle} w={110}>
                      {t('stock.technicians.columns.openTickets')}
                    </SortTh>
                    <Table.Th w={70}>{t('stock.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted.map((x) => (
                    <Table.Tr key={x.id} onDoubleClick={() => setEditing({ item: x })} c={x.active ? undefined : 'dimmed'}>
                      <Table.Td style={nowrap} fw={500}>
                        {x.name}
                      </Table.Td>
                      <Table.Td style={nowrap}>{formatPhone(x.phone)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {x.skills.map((s) => (
                            <Badge tt="none" key={s} variant="light" color="gray" size="sm" radius="sm">
                              {s}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td style={nowrap}>{x.certificateNo ?? t('app.common.none')}</Table.Td>
                      <Table.Td style={nowrap}>
                        <Badge tt="none" variant="dot" color={x.active ? 'teal' : 'gray'} size="sm">
                          {t(x.active ? 'stock.technicians.onDuty' : 'stock.state.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{x.openTickets}</Table.Td>
                      <Table.Td>
                        <Tooltip label={t('app.common.edit')} withArrow>
                          <ActionIcon variant="subtle" color="gray" aria-label={`${t('app.common.edit')} ${x.name}`} onClick={() => setEditing({ item: x })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt={6}>
                {t('stock.technicians.count', { count: list.data.length })}
              </Text>
            </>
          )}
        </section>
        <TechnicianDay technicians={active.data ?? []} />
      </Stack>
      <TechnicianFormModal opened={editing !== null} technician={editing?.item ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
