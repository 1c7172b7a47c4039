import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconBan, IconCalendarEvent, IconCheck, IconUserCog, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { onWorkingDay } from '../../../../shared/domain/visit-plan';
import { formatDate } from '../../../../shared/format';
import type { Visit } from '../../../../shared/schemas/maintenance';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { EntityTable, RowAction, type Column } from '../../ui/EntityTable';
import { TwoLines } from '../../ui/OneLine';
import { useWorkingCalendar, visitKindText, VisitStatusBadge } from './labels';
import { VisitDialog, type VisitAction } from './VisitDialogs';

/** The columns, with the visits the desk moved (not those the calendar moved off a rest day) marked. */
function columns(moved: ReadonlySet<number>): Column<Visit>[] {
  return [
  {
    key: 'number',
    header: 'maintenance.visits.columns.number',
    // The visit's own page: its inspection grid, its forms, its callback's outcome.
    cell: (v) => (
      <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => navigate({ section: 'visit', id: v.id })}>
        {v.number}
      </Anchor>
    ),
    sort: (v) => v.number,
    mono: true,
    nowrap: true,
    w: 140,
  },
  { key: 'kind', header: 'maintenance.visits.columns.kind', cell: (v, t) => visitKindText(v, t), sort: (v) => v.kind, nowrap: true },
  { key: 'planned', header: 'maintenance.visits.columns.planned', cell: (v) => formatDate(v.plannedOn, currentLanguage()), sort: (v) => v.plannedOn, nowrap: true },
  {
    key: 'due',
    header: 'maintenance.visits.columns.due',
    cell: (v, t) => {
      const late = v.status === 'due' && v.dueOn < todayIso();
      return (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : undefined}>
            {formatDate(v.dueOn, currentLanguage())}
          </Text>
          {moved.has(v.id) && (
            <Badge size="xs" radius="sm" variant="outline" color="gray" tt="none">
              {t('maintenance.visits.moved')}
            </Badge>
          )}
        </Group>
      );
    },
    sort: (v) => v.dueOn,
    nowrap: true,
  },
  { key: 'status', header: 'maintenance.visits.columns.status', cell: (v) => <VisitStatusBadge status={v.status} />, sort: (v) => v.status, nowrap: true },
  { key: 'technician', header: 'maintenance.visits.columns.technician', cell: (v, t) => v.technicianName ?? <Text size="sm" c="dimmed">{t('maintenance.visits.unassigned')}</Text>, sort: (v) => v.technicianName, nowrap: true },
  { key: 'reason', header: 'maintenance.visits.columns.reason', cell: (v) => <TwoLines text={[v.reason, v.notes].filter(Boolean).join(' · ')} />, fill: 120 },
];
}

const LAST_DAY = '9999-12-31';

const ACTIONS: { action: VisitAction; icon: typeof IconCheck; color?: string }[] = [
  { action: 'move', icon: IconCalendarEvent },
  { action: 'assign', icon: IconUserCog },
  { action: 'done', icon: IconCheck },
  { action: 'missed', icon: IconX },
  { action: 'cancelled', icon: IconBan },
];

/** A contract's visits with what the desk does to one still due: move it, assign it, close it. */
export function VisitsTable({ visits, term, readOnly }: { visits: Visit[]; term: { startsOn: string; endsOn: string }; readOnly: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ visit: Visit; action: VisitAction } | null>(null);
  const calendar = useWorkingCalendar();
  // Assigning also marks a visit kept by the desk; only a day other than the plan's working day is a move.
  const moved = useMemo(
    () => new Set(calendar ? visits.filter((v) => v.rescheduled && v.dueOn !== onWorkingDay(calendar, v.plannedOn, { from: v.plannedOn, to: LAST_DAY })).map((v) => v.id) : []),
    [visits, calendar],
  );
  const cols = useMemo(() => columns(moved), [moved]);
  return (
    <>
      <EntityTable
        testId="contract-visits"
        columns={cols}
        rows={visits}
        rowKey={(v) => v.id}
        actionsWidth={168}
        rowProps={(v) => ({ c: v.status === 'cancelled' ? 'dimmed' : undefined, 'data-visit': v.number })}
        rowActions={
          readOnly
            ? undefined
            : (v) =>
                v.status !== 'due'
                  ? null
                  : ACTIONS.map(({ action, icon: Icon }) => (
                      <RowAction
                        key={action}
                        label={`${t(`maintenance.visits.actions.${action}`)} ${v.number}`}
                        tooltip={t(`maintenance.visits.actions.${action}`)}
                        onClick={() => setOpen({ visit: v, action })}
                      >
                        <Icon size={16} />
                      </RowAction>
                    ))
        }
      />
      <VisitDialog visit={open?.visit ?? null} action={open?.action ?? null} term={term} onClose={() => setOpen(null)} />
    </>
  );
}
