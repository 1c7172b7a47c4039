import { ActionIcon, Anchor, Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconCertificate, IconChevronRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { unitStatusKey, type Unit } from '../../../../shared/schemas/unit';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { TwoLines } from '../../ui/OneLine';
import { ProvisionalMark } from '../../ui/ProvisionalMark';
import { WarrantyBadge } from '../../ui/WarrantyBadge';

/** The whole unit's last covered day: the first policy line is the whole unit. */
export function lastCoveredDay(unit: Unit): string | null {
  return unit.warranty.components[0]?.end ?? null;
}

function openUnit(id: number) {
  navigate({ section: 'unit', id });
}

function WarrantyStart({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const start = unit.warranty.start;
  if (!start.date || !start.basis) return t('app.common.none');
  return (
    <Tooltip label={t('app.units.basis', { basis: t(`warrantyBasis.${start.basis}`) })} withArrow>
      <span>{formatDate(start.date, currentLanguage())}</span>
    </Tooltip>
  );
}

const COLUMNS: Column<Unit>[] = [
  { key: 'product', header: 'app.units.columns.product', cell: (u) => <TwoLines text={`${u.brand} ${u.model}`} fw={500} />, sort: (u) => `${u.brand} ${u.model}`, fill: true },
  { key: 'category', header: 'app.units.columns.category', cell: (u) => u.category, sort: (u) => u.category, nowrap: true },
  {
    key: 'serial',
    header: 'app.units.columns.serial',
    cell: (u) => (
      <Anchor
        component="button"
        type="button"
        ff="monospace"
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
        onClick={(e) => {
          e.stopPropagation();
          openUnit(u.id);
        }}
      >
        {u.serial}
      </Anchor>
    ),
    sort: (u) => u.serial,
    // Two lines at most for a 24-character serial: it is read out on the phone, never cut.
    fill: 130,
    mono: true,
  },
  {
    key: 'status',
    header: 'app.units.columns.status',
    cell: (u, t) => (
      <Badge size="sm" variant="default" tt="none" radius="sm">
        {t(unitStatusKey(u))}
      </Badge>
    ),
    sort: (u) => u.status,
    nowrap: true,
  },
  { key: 'start', header: 'app.units.columns.start', cell: (u) => <WarrantyStart unit={u} />, sort: (u) => u.warranty.start.date, nowrap: true },
  {
    key: 'end',
    header: 'app.units.columns.end',
    cell: (u, t) => {
      const end = lastCoveredDay(u);
      if (!end) return t('app.common.none');
      return (
        <>
          {formatDate(end, currentLanguage())}
          <ProvisionalMark show={u.warranty.components[0]?.provisional ?? false} />
        </>
      );
    },
    sort: lastCoveredDay,
    nowrap: true,
    testId: 'unit-end',
  },
  { key: 'state', header: 'app.units.columns.state', cell: (u) => <WarrantyBadge state={u.warranty.summary} />, sort: (u) => u.warranty.summary },
];

/** A customer's units, each with its warranty at a glance; a row opens the unit. */
export function UnitsTable({ units, onWarrantyCard }: { units: Unit[]; onWarrantyCard: (unit: Unit) => void }) {
  const columns = useMemo<Column<Unit>[]>(
    () => [
      ...COLUMNS,
      {
        key: 'actions',
        header: 'app.units.columns.actions',
        cell: (u, t) => (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconCertificate size={14} />}
              onClick={(e) => {
                e.stopPropagation();
                onWarrantyCard(u);
              }}
            >
              {t('app.units.warrantyCard')}
            </Button>
            <Tooltip label={t('app.units.open')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('app.units.open')}
                onClick={(e) => {
                  e.stopPropagation();
                  openUnit(u.id);
                }}
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ),
      },
    ],
    [onWarrantyCard],
  );
  return (
    <EntityTable
      testId="units-table"
      columns={columns}
      rows={units}
      rowKey={(u) => u.id}
      rowProps={(u) => ({ 'data-serial': u.serial, style: { cursor: 'pointer' }, onClick: () => openUnit(u.id) })}
    />
  );
}
