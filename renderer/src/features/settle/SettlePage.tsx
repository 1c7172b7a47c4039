import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { ClaimsTab } from './ClaimsTab';
import { FeedbackTab } from './FeedbackTab';
import { MakersTab } from './MakersTab';
import { ReturnsTab } from './ReturnsTab';
import { ScrapTab } from './ScrapTab';
import { SparesTab } from './SparesTab';

/** Settling with the maker (claims, feedback, makers) and the desk's own write-offs, spares and fees. */
export function SettlePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settle.screen.title')} />
      <Tabs defaultValue="claims" keepMounted={false}>
        <Tabs.List mb="sm">
          {(['claims', 'feedback', 'scrap', 'makers', 'spares'] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`settle.screen.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="returns">{t('makerReturns.screen.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="claims">
          <ClaimsTab />
        </Tabs.Panel>
        <Tabs.Panel value="feedback">
          <FeedbackTab />
        </Tabs.Panel>
        <Tabs.Panel value="scrap">
          <ScrapTab />
        </Tabs.Panel>
        <Tabs.Panel value="makers">
          <MakersTab />
        </Tabs.Panel>
        <Tabs.Panel value="spares">
          <SparesTab />
        </Tabs.Panel>
        <Tabs.Panel value="returns">
          <ReturnsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
