import { Badge, Button, Group, Kbd, Stack, Switch } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconUserCog, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/format';
import type { Technician } from '../../../../shared/schemas/resources';
import { useApiQuery } from '../../api/client';
import { ActiveDot } from '../../ui/ActiveDot';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { TechnicianDay } from './TechnicianDay';
import { TechnicianFormModal } from './TechnicianFormModal';
import { TechnicianSatisfaction } from './TechnicianSatisfaction';

const COLUMNS: Column<Technician>[] = [
  { key: 'name', header: 'stock.technicians.columns.name', cell: (x) => x.name, sort: (x) => x.name, nowrap: true, fw: 500 },
  { key: 'phone', header: 'stock.technicians.columns.phone', cell: (x) => formatPhone(x.phone), sort: (x) => x.phone, nowrap: true },
  {
    key: 'skills',
    header: 'stock.technicians.columns.skills',
    cell: (x) => (
      <Group gap={4}>
        {x.skills.map((s) => (
          <Badge tt="none" key={s} variant="light" color="gray" size="sm" radius="sm">
            {s}
          </Badge>
        ))}
      </Group>
    ),
  },
  { key: 'certificate', header: 'stock.technicians.columns.certificate', cell: (x, t) => x.certificateNo ?? t('app.common.none'), sort: (x) => x.certificateNo, nowrap: true },
  {
    key: 'state',
    header: 'stock.technicians.columns.state',
    cell: (x, t) => <ActiveDot active={x.active} label={t(x.active ? 'stock.technicians.onDuty' : 'stock.state.inactive')} />,
    sort: (x) => (x.active ? 0 : 1),
    w: 110,
    nowrap: true,
  },
  { key: 'openTickets', header: 'stock.technicians.columns.openTickets', cell: (x) => x.openTickets, sort: (x) => x.openTickets, w: 110, align: 'right' },
];

/** The service team: who can be dispatched, what they can fix, how busy they are, and their day. */
export function TechniciansPage() {
  const { t } = useTranslation();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<{ item: Technician | null } | null>(null);
  const list = useApiQuery('technicians:list', { includeInactive }, { placeholderData: (previous) => previous });
  const active = useApiQuery('technicians:list', { includeInactive: false });

  useHotkeys([['mod+shift+N', () => setEditing({ item: null })]], []);

  return (
    <>
      <PageHeader title={t('stock.technicians.title')}>
        <Switch size="sm" label={t('stock.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing({ item: null })}>
          {t('stock.technicians.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.newHere')}
          </Kbd>
        </Button>
      </PageHeader>
      <Stack gap="xl">
        <section>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.isSuccess && (
            <EntityTable
              testId="technicians-table"
              columns={COLUMNS}
              rows={list.data}
              rowKey={(x) => x.id}
              rowProps={(x) => ({ c: x.active ? undefined : 'dimmed' })}
              edit={{ open: (x) => setEditing({ item: x }), name: (x) => x.name }}
              empty={{ icon: IconUserCog, title: t('stock.technicians.empty.title'), description: t('stock.technicians.empty.description') }}
              count={t('stock.technicians.count', { count: list.data.length })}
            />
          )}
        </section>
        <TechnicianDay technicians={active.data ?? []} />
        <TechnicianSatisfaction />
      </Stack>
      <TechnicianFormModal opened={editing !== null} technician={editing?.item ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
