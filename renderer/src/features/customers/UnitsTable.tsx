import { ActionIcon, Anchor, Badge, Button, Group, Table, Tooltip } from '@mantine/core';
import { IconCertificate, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { Unit } from '../../../../shared/schemas/unit';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { SortTh, useSortedRows } from '../../ui/sorting';
import { WarrantyBadge } from '../../ui/WarrantyBadge';

/** The whole unit's last covered day: the first policy line is the whole unit. */
export function lastCoveredDay(unit: Unit): string | null {
  return unit.warranty.components[0]?.end ?? null;
}

const SORT = {
  product: (u: Unit) => `${u.brand} ${u.model}`,
  category: (u: Unit) => u.category,
  serial: (u: Unit) => u.serial,
  status: (u: Unit) => u.status,
  start: (u: Unit) => u.warranty.start.date,
  end: (u: Unit) => lastCoveredDay(u),
  state: (u: Unit) => u.warranty.summary,
};

const nowrap = { whiteSpace: 'nowrap' } as const;

function openUnit(id: number) {
  navigate({ section: 'unit', id });
}

/** A customer's units, each with its warranty at a glance; a row opens the unit. */
export function UnitsTable({ units, onWarrantyCard }: { units: Unit[]; onWarrantyCard: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { sorted, sort, toggle } = useSortedRows(units, SORT);
  const none = t('app.common.none');
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped highlightOnHover withTableBorder data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <SortTh column="product" sort={sort} onSort={toggle}>
              {t('app.units.columns.product')}
            </SortTh>
            <SortTh column="category" sort={sort} onSort={toggle}>
              {t('app.units.columns.category')}
            </SortTh>
            <SortTh column="serial" sort={sort} onSort={toggle}>
              {t('app.units.columns.serial')}
            </SortTh>
            <SortTh column="status" sort={sort} onSort={toggle}>
              {t('app.units.columns.status')}
            </SortTh>
            <SortTh column="start" sort={sort} onSort={toggle}>
              {t('app.units.columns.start')}
            </SortTh>
            <SortTh column="end" sort={sort} onSort={toggle}>
              {t('app.units.columns.end')}
            </SortTh>
            <SortTh column="state" sort={sort} onSort={toggle}>
              {t('app.units.columns.state')}
            </SortTh>
            <Table.Th style={nowrap}>{t('app.units.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((u) => {
            const start = u.warranty.start;
            const end = lastCoveredDay(u);
            return (
              <Table.Tr key={u.id} data-serial={u.serial} style={{ cursor: 'pointer' }} onClick={() => openUnit(u.id)}>
                <Table.Td style={nowrap} fw={500}>
                  {u.brand} {u.model}
                </Table.Td>
                <Table.Td style={nowrap}>{u.category}</Table.Td>
                <Table.Td ff="monospace" style={nowrap}>
                  <Anchor
                    component="button"
                    type="button"
                    ff="monospace"
                    size="sm"
                    onClick={(e) => {
                      e.stopPropagation();
                      openUnit(u.id);
                    }}
                  >
                    {u.serial}
                  </Anchor>
                </Table.Td>
                <Table.Td style={nowrap}>
                  <Badge size="sm" variant="default" tt="none" radius="sm">
                    {t(`unitStatus.${u.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={nowrap}>
                  {start.date && start.basis ? (
                    <Tooltip label={t('app.units.basis', { basis: t(`warrantyBasis.${start.basis}`) })} withArrow>
                      <span>{formatDate(start.date, lang)}</span>
                    </Tooltip>
                  ) : (
                    none
                  )}
                </Table.Td>
                <Table.Td style={nowrap} data-testid="unit-end">
                  {end ? formatDate(end, lang) : none}
                </Table.Td>
                <Table.Td>
                  <WarrantyBadge state={u.warranty.summary} />
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
