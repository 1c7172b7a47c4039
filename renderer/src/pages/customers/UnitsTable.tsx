import { ActionIcon, Button, Group, Table, Tooltip } from '@mantine/core';
import { IconCertificate, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { Unit } from '../../../../shared/schemas/unit';
import { currentLanguage } from '../../app/i18n';
import { SortTh, useSortedRows } from '../../components/sorting';
import { WarrantyBadge } from '../../components/WarrantyBadge';

const SORT = {
  brand: (u: Unit) => u.brand,
  model: (u: Unit) => u.model,
  serial: (u: Unit) => u.serial,
  purchase: (u: Unit) => u.purchaseDate,
  acceptance: (u: Unit) => u.acceptanceDate,
  end: (u: Unit) => u.warranty.end,
};

const nowrap = { whiteSpace: 'nowrap' } as const;

export function UnitsTable({
  units,
  onWarrantyCard,
  onEdit,
}: {
  units: Unit[];
  onWarrantyCard: (unit: Unit) => void;
  onEdit: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { sorted, sort, toggle } = useSortedRows(units, SORT);
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover withTableBorder data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <SortTh column="brand" sort={sort} onSort={toggle}>
              {t('app.units.columns.brand')}
            </SortTh>
            <SortTh column="model" sort={sort} onSort={toggle}>
              {t('app.units.columns.model')}
            </SortTh>
            <SortTh column="serial" sort={sort} onSort={toggle}>
              {t('app.units.columns.serial')}
            </SortTh>
            <SortTh column="purchase" sort={sort} onSort={toggle}>
              {t('app.units.columns.purchaseDate')}
            </SortTh>
            <SortTh column="acceptance" sort={sort} onSort={toggle}>
              {t('app.units.columns.acceptanceDate')}
            </SortTh>
            <Table.Th style={nowrap}>{t('app.units.columns.term')}</Table.Th>
            <SortTh column="end" sort={sort} onSort={toggle}>
              {t('app.units.columns.end')}
            </SortTh>
            <Table.Th style={nowrap}>{t('app.units.columns.state')}</Table.Th>
            <Table.Th style={nowrap}>{t('app.units.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((u) => (
            <Table.Tr key={u.id} data-serial={u.serial}>
              <Table.Td style={nowrap}>{u.brand}</Table.Td>
              <Table.Td style={nowrap}>{u.model}</Table.Td>
              <Table.Td ff="monospace" style={nowrap}>
                {u.serial}
              </Table.Td>
              <Table.Td style={nowrap}>{formatDate(u.purchaseDate, lang)}</Table.Td>
              <Table.Td style={nowrap}>{u.acceptanceDate ? formatDate(u.acceptanceDate, lang) : t('app.common.none')}</Table.Td>
              <Table.Td style={nowrap}>
                <Tooltip label={t('app.units.basis', { basis: t(`warrantyBasis.${u.warranty.basis}`) })} withArrow>
                  <span>{t('months', { count: u.warranty.months })}</span>
                </Tooltip>
              </Table.Td>
              <Table.Td style={nowrap}>{formatDate(u.warranty.end, lang)}</Table.Td>
              <Table.Td>
                <WarrantyBadge state={u.warranty.state} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="light" leftSection={<IconCertificate size={14} />} onClick={() => onWarrantyCard(u)}>
                    {t('app.units.warrantyCard')}
                  </Button>
                  <Tooltip label={t('app.units.edit')} withArrow>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('app.units.edit')} onClick={() => onEdit(u)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
