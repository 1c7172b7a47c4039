import { Alert, Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { TodaysCalls } from '../calls';
import { SettleDeskPanel } from '../settle';
import { useCallbackVisits } from '../maintenance';
import { FindCustomerButton } from '../tickets';
import { Appointments, CallbacksDue, LoansOut, sectionId, UrgentTickets, type SectionKey } from './BoardTables';
import { Counters, type CounterKey } from './Counters';
import { MaintenanceSections } from './MaintenanceSections';
import { SharesMet } from './SharesMet';
import { ReviewWaiting } from './ReviewWaiting';
import { InstallationDeskSections } from '../installations';
import { DeskWarnings } from '../reports';

/** The deadline clock has minute resolution; a fresh board each minute keeps the badges honest. */
const REFRESH_MS = 60_000;

function scrollToSection(key: SectionKey) {
  const el = document.getElementById(sectionId(key));
  el?.scrollIntoView({ block: 'start' });
  // Keyboard users land on the first row, ready for Enter.
  el?.querySelector<HTMLElement>('tr[tabindex="0"]')?.focus({ preventScroll: true });
}

function openCounter(key: CounterKey) {
  switch (key) {
    case 'open':
      return navigate({ section: 'tickets' });
    case 'overdue':
    case 'atRisk':
      return scrollToSection('urgent');
    case 'callbacks':
      return scrollToSection('callbacks');
    case 'loans':
      return scrollToSection('loans');
    case 'complaints':
      return navigate({ section: 'complaints' });
    case 'lowStock':
      return navigate({ section: 'parts' });
  }
}

/** The home: what is late or about to be, who to visit and call today, what is lent out. */
export function DeskPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const board = useApiQuery('desk:board', {}, { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, placeholderData: (previous) => previous });
  const b = board.data;
  const visitCallbacks = useCallbackVisits().data ?? [];
  return (
    <>
      <PageHeader title={t('desk.board.title')}>
        {board.dataUpdatedAt > 0 && (
          <Text size="xs" c="dimmed" data-testid="desk-updated">
            {t('desk.board.updated', { time: formatDateTime(board.dataUpdatedAt, lang) })}
          </Text>
        )}
        <FindCustomerButton />
      </PageHeader>
      <QueryState isPending={board.isPending} error={board.error} />
      {b && b.calendarMissingYear !== null && (
        <Alert variant="light" color="yellow" icon={<IconCalendarExclamation size={18} />} py={8} mb="sm" data-testid="calendar-missing">
          <Group gap={6}>
            <Text size="sm" span>
              {t('desk.board.calendarMissing', { year: b.calendarMissingYear })}
            </Text>
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => navigate({ section: 'settings' })}>
              {t('desk.board.openSettings')}
            </Anchor>
          </Group>
        </Alert>
      )}
      {b && (
        <>
          <Counters board={b} visitCallbacks={visitCallbacks.length} onOpen={openCounter} />
          <Stack gap="md">
            <UrgentTickets board={b} />
            <Grid gap="md">
              <Grid.Col span={6}>
                <Appointments board={b} />
              </Grid.Col>
              <Grid.Col span={6}>
                <CallbacksDue board={b} visits={visitCallbacks} />
              </Grid.Col>
            </Grid>
            <ReviewWaiting />
            <TodaysCalls />
            <MaintenanceSections />
            <InstallationDeskSections />
            <SettleDeskPanel />
            <LoansOut board={b} />
            <SharesMet />
            <DeskWarnings />
          </Stack>
        </>
      )}
    </>
  );
}
