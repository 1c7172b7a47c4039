import { Tabs } from '@mantine/core';
import { IconArrowsExchange, IconBox, IconCoin, IconDeviceDesktop, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { FeesTab } from './FeesTab';
import { LoanersTab } from './LoanersTab';
import { MonthlyTab } from './MonthlyTab';
import { MovesTab } from './PartMoves';
import { PartsTab } from './PartsTab';

const TABS = ['parts', 'moves', 'monthly', 'loaners', 'fees'] as const;
type Tab = (typeof TABS)[number];
const ICONS: Record<Tab, typeof IconBox> = { parts: IconBox, moves: IconArrowsExchange, monthly: IconListDetails, loaners: IconDeviceDesktop, fees: IconCoin };

/** Parts and loaners: stock, its history, the monthly parts-replaced list, loaners, labour fees. */
export function PartsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('parts');
  return (
    <>
      <PageHeader title={t('app.nav.parts')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((key) => {
            const Icon = ICONS[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} stroke={1.6} />}>
                {t(`stock.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="parts">
          <PartsTab />
        </Tabs.Panel>
        <Tabs.Panel value="moves">
          <MovesTab />
        </Tabs.Panel>
        <Tabs.Panel value="monthly">
          <MonthlyTab />
        </Tabs.Panel>
        <Tabs.Panel value="loaners">
          <LoanersTab />
        </Tabs.Panel>
        <Tabs.Panel value="fees">
          <FeesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
