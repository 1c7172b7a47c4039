import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate, todayIso } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import type { Technician } from '../../../../shared/schemas/resources';
import type { Visit } from '../../../../shared/schemas/maintenance';
import type { AppointmentRow } from '../../../../shared/schemas/ticket';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { tidyDate } from '../../lib/dates';
import { DayVisitsTable, useDayVisits } from '../maintenance';
import { QueryState } from '../../ui/QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;

function AppointmentsTable({ rows }: { rows: AppointmentRow[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('stock.day.columns.time')}</Table.Th>
          <Table.Th w={150}>{t('stock.day.columns.ticket')}</Table.Th>
          <Table.Th>{t('stock.day.columns.customer')}</Table.Th>
          <Table.Th>{t('stock.day.columns.site')}</Table.Th>
          <Table.Th>{t('stock.day.columns.crew')}</Table.Th>
          <Table.Th w={120}>{t('stock.day.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.ticketId}>
            <Table.Td style={nowrap} ff="monospace">
              {a.from}–{a.to}
            </Table.Td>
            <Table.Td style={nowrap}>
              <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'ticket', id: a.ticketId })}>
                {a.ticketNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>{a.customerName}</Table.Td>
            <Table.Td>{a.siteAddress ?? t('app.common.none')}</Table.Td>
            <Table.Td>{a.technicians.length > 0 ? a.technicians.join(t('app.common.listSeparator')) : t('stock.day.unassigned')}</Table.Td>
            <Table.Td style={nowrap}>
              <Badge tt="none" variant="light" size="sm" radius="sm">
                {t(`ticketing.status.${a.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Who is where on a day: one block per technician, in time order, so the desk can answer
 * "when is he coming?" and fit a new visit into a gap.
 */
export function TechnicianDay({ technicians }: { technicians: Technician[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [typed, setTyped] = useState(() => todayIso());
  const [date, setDate] = useState(() => todayIso());
  const [technicianId, setTechnicianId] = useState<string | null>(null);
  const day = useApiQuery('technicians:day', { date, technicianId: technicianId ? Number(technicianId) : null });
  // Maintenance visits given to a technician stand on their day beside the repairs.
  const visits = useDayVisits(date, technicianId ? Number(technicianId) : null);

  const go = (next: string) => {
    setTyped(next);
    setDate(next);
  };
  const commitTyped = () => {
    const tidy = tidyDate(typed);
    if (isIsoDate(tidy)) go(tidy);
    else setTyped(date);
  };

  // Grouped by name as the rows carry them; a ticket with two technicians shows under both.
  const groups = useMemo(() => {
    const rows = day.data ?? [];
    const dayVisits = visits.data ?? [];
    const names = technicianId ? technicians.filter((x) => String(x.id) === technicianId).map((x) => x.name) : technicians.map((x) => x.name);
    const out: { name: string; rows: AppointmentRow[]; visits: Visit[] }[] = names
      .map((name) => ({ name, rows: rows.filter((r) => r.technicians.includes(name)), visits: dayVisits.filter((v) => v.technicianName === name) }))
      .filter((g) => g.rows.length > 0 || g.visits.length > 0);
    const unassigned = rows.filter((r) => r.technicians.length === 0 || r.technicians.every((n) => !names.includes(n)));
    const unassignedVisits = dayVisits.filter((v) => v.technicianName === null || !names.includes(v.technicianName));
    if ((unassigned.length > 0 || unassignedVisits.length > 0) && !technicianId) out.push({ name: t('stock.day.unassigned'), rows: unassigned, visits: unassignedVisits });
    return out;
  }, [day.data, visits.data, technicians, technicianId, t]);
  const empty = day.isSuccess && visits.isSuccess && day.data.length === 0 && visits.data!.length === 0;

  return (
    <section aria-labelledby="day-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <IconCalendarEvent size={18} stroke={1.6} />
          <Title id="day-title" order={3} fz="md" fw={600}>
            {t('stock.day.title')}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('stock.day.previous')} withArrow>
              <ActionIcon variant="default" aria-label={t('stock.day.previous')} onClick={() => go(addDays(date, -1))}>
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <TextInput
              size="xs"
              w={120}
              aria-label={t('stock.day.date')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              onBlur={commitTyped}
              onKeyDown={(e) => e.key === 'Enter' && commitTyped()}
            />
            <Tooltip label={t('stock.day.next')} withArrow>
              <ActionIcon variant="default" aria-label={t('stock.day.next')} onClick={() => go(addDays(date, 1))}>
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
            <Button size="xs" variant="subtle" onClick={() => go(todayIso())}>
              {t('stock.day.today')}
            </Button>
          </Group>
          <Select
            size="xs"
            w={160}
            aria-label={t('stock.day.technician')}
            placeholder={t('stock.day.everyone')}
            clearable
            data={technicians.map((x) => ({ value: String(x.id), label: x.name }))}
            value={technicianId}
            onChange={setTechnicianId}
          />
        </Group>
        {day.isSuccess && (
          <Text size="xs" c="dimmed">
            {t('stock.day.count', { count: day.data.length })}
          </Text>
        )}
      </Group>
      <QueryState isPending={day.isPending || visits.isPending} error={day.error ?? visits.error} />
      {empty && (
        <Text size="sm" c="dimmed" py="sm" data-testid="day-empty">
          {t('stock.day.empty', { date: formatDate(date, lang) })}
        </Text>
      )}
      {day.isSuccess && visits.isSuccess && !empty && (
        <Stack gap="sm" data-testid="technician-day">
          {groups.map((g) => (
            <Stack key={g.name} gap={4}>
              <Text size="sm" fw={600}>
                {g.name}
              </Text>
              {g.rows.length > 0 && <AppointmentsTable rows={g.rows} />}
              {g.visits.length > 0 && <DayVisitsTable visits={g.visits} />}
            </Stack>
          ))}
        </Stack>
      )}
    </section>
  );
}
