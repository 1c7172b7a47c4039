import { Alert, Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errorText';
import { DueVisitsTable, RenewalsTable, useMaintenanceDue, useRenewalLeadDays } from '../maintenance';
import { Quiet, Section } from './BoardTables';

/** Scheduled service on the Desk: visits overdue and due this week, and the contracts to renew. */
export function MaintenanceSections() {
  const { t } = useTranslation();
  const { visits, renewals, error } = useMaintenanceDue();
  const leadDays = useRenewalLeadDays();
  if (error) {
    return (
      <Alert color="red" variant="light">
        {errorText(t, error)}
      </Alert>
    );
  }
  return (
    <Grid gap="md">
      <Grid.Col span={7}>
        <Section id="visits" title={t('maintenance.desk.visits')} count={visits?.length ?? 0}>
          {visits && (visits.length === 0 ? <Quiet>{t('maintenance.desk.emptyVisits')}</Quiet> : <DueVisitsTable visits={visits} />)}
        </Section>
      </Grid.Col>
      <Grid.Col span={5}>
        <Section id="renewals" title={t('renewal.desk.title', { days: leadDays })} count={renewals?.length ?? 0}>
          {renewals && (renewals.length === 0 ? <Quiet>{t('renewal.desk.empty', { days: leadDays })}</Quiet> : <RenewalsTable renewals={renewals} />)}
        </Section>
      </Grid.Col>
    </Grid>
  );
}
