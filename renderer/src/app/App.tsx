import { Alert, Anchor, AppShell, Group, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch, useSettings, useStoredLanguage } from './language';
import { OperatorMenu } from './OperatorMenu';
import { AuditPage } from '../features/audit';
import { CallWeekPage, LogCallModal } from '../features/calls';
import { SettlePage } from '../features/settle';
import { ComplaintsPage } from '../features/complaints';
import { CallerFlow, CustomerDetailPage, CustomersPage } from '../features/customers';
import { DeskPage } from '../features/desk';
import { DocumentsPage } from '../features/documents';
import { CutShortImportNote, ImportPage } from '../features/import';
import { InstallationPage, InstallationsPage } from '../features/installations';
import { ContractPage, ContractsPage, VisitPage } from '../features/maintenance';
import { ManualsPage } from '../features/manuals';
import { PartsPage } from '../features/parts';
import { ProductsPage } from '../features/products';
import { SearchBox, useBarcodeScanner } from '../features/search';
import { SampleBanner } from '../features/sample';
import { openSettingsTab, SettingsPage } from '../features/settings';
import { SetupWizard } from '../features/setup';
import { TechniciansPage } from '../features/technicians';
import { TicketPage, TicketsPage } from '../features/tickets';
import { UnitPage } from '../features/units';
import { ReportsPage } from '../features/reports';
import { useRoute, type Route } from './router';
import { NAV, sectionLabelKey, sectionOf } from './sections';
import { SessionGate } from './SessionGate';
import { ShortcutsSheet } from './ShortcutsSheet';
import { HealthBanner } from './HealthBanner';
import { BackgroundWorkNote } from './BackgroundWork';
import { useDeskActivity } from './deskActivity';

/** Printing needs the company's name and hotline on the paper: say so calmly, once, on top. */
function CompanyMissingBanner({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation();
  const settings = useSettings().data;
  if (!settings || (settings.companyName && settings.hotline)) return null;
  return (
    <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} py={8} mb="sm" data-testid="company-missing">
      <Text size="sm" span>
        {t('app.banner.companyMissing')}{' '}
      </Text>
      <Anchor component="button" type="button" size="sm" fw={600} onClick={onOpenSettings}>
        {t('app.banner.openSettings')}
      </Anchor>
    </Alert>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.section) {
    case 'desk':
      return <DeskPage />;
    case 'tickets':
      return <TicketsPage />;
    case 'ticket':
      return <TicketPage key={route.id} id={route.id} />;
    case 'maintenance':
      return <ContractsPage />;
    case 'contract':
      return <ContractPage key={route.id} id={route.id} />;
    case 'visit':
      return <VisitPage key={route.id} id={route.id} />;
    case 'technicians':
      return <TechniciansPage />;
    case 'parts':
      return <PartsPage />;
    case 'complaints':
      return <ComplaintsPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerDetailPage key={route.id} id={route.id} />;
    case 'unit':
      return <UnitPage key={route.id} id={route.id} />;
    case 'products':
      return <ProductsPage />;
    case 'documents':
      return <DocumentsPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'calls':
      return <CallWeekPage />;
    case 'installations':
      return <InstallationsPage />;
    case 'installation':
      return <InstallationPage key={route.id} id={route.id} />;
    case 'manuals':
      return <ManualsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settle':
      return <SettlePage />;
  }
}

export function App() {
  const { t } = useTranslation();
  const [route, go] = useRoute();
  useStoredLanguage();
  useBarcodeScanner();
  useDeskActivity();
  const title = t('appName');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const settings = useSettings();
  const active = sectionOf(route);
  // Below 1200 px (a 1366 × 768 laptop at 125%, most screens at 150%) the navigation becomes a
  // rail of icons, so the tables keep their columns instead of scrolling sideways.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  // A new install starts with its setup: company, policies, backups, PIN (all skippable).
  if (settings.data && !settings.data.setupDone) {
    return (
      <SessionGate>
        <SetupWizard />
      </SessionGate>
    );
  }
  // The desk shows only once someone has said who is at it.
  const shell = (
    <AppShell header={{ height: 52 }} navbar={{ width: { base: 60, lg: 168 }, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={1} fz="lg" fw={700} w={136} style={{ whiteSpace: 'nowrap' }}>
              {title}
            </Title>
            <SearchBox />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ShortcutsSheet />
            <OperatorMenu />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.nav.label')}>
        {NAV.map(({ section, icon }) => {
          const label = t(sectionLabelKey(section));
          const link = (
            <NavLink
              key={section}
              component="button"
              type="button"
              label={wide ? label : undefined}
              aria-label={wide ? undefined : label}
              leftSection={icon}
              active={active === section}
              aria-current={active === section ? 'page' : undefined}
              onClick={() => go({ section })}
              style={{ borderRadius: 4 }}
            />
          );
          // The rail's icons say where they lead on pointing and on focus.
          return wide ? (
            link
          ) : (
            <Tooltip key={section} label={label} position="right" withArrow events={{ hover: true, focus: true, touch: false }}>
              {link}
            </Tooltip>
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <CompanyMissingBanner onOpenSettings={() => go({ section: 'settings' })} />
        <HealthBanner onOpenSettings={() => go({ section: 'settings' })} />
        <BackgroundWorkNote />
        <CutShortImportNote onOpenImport={() => go({ section: 'import' })} />
        <SampleBanner onRemove={() => openSettingsTab('sample')} />
        <Page route={route} />
        <CallerFlow />
        <LogCallModal />
      </AppShell.Main>
    </AppShell>
  );
  return <SessionGate>{shell}</SessionGate>;
}
