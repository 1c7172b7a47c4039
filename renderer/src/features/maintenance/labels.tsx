import { Badge, type MantineSize } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '../../../../shared/domain/calendar';
import { contractState as stateOn, type ContractState } from '../../../../shared/domain/contract-state';
import { todayIso } from '../../../../shared/domain/dates';
import { RENEWAL_DAYS } from '../../../../shared/domain/visit-plan';
import { formatDate } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { ContractSummary, Visit, VisitStatus } from '../../../../shared/schemas/maintenance';
import type { TFunction } from 'i18next';
import { useApiQuery } from '../../api/client';

export type { ContractState } from '../../../../shared/domain/contract-state';

export function contractState(c: Pick<ContractSummary, 'cancelledAt' | 'startsOn' | 'endsOn'>, today = todayIso(), leadDays = RENEWAL_DAYS): ContractState {
  return stateOn(c, today, leadDays);
}

/** The renewal lead time from Settings (the seeds' 10 days until the settings have loaded). */
export function useRenewalLeadDays(): number {
  return useApiQuery('settings:get', {}, { staleTime: 60_000 }).data?.renewal.leadDays ?? RENEWAL_DAYS;
}

const STATE_COLOR: Record<ContractState, string> = { active: 'teal', ending: 'orange', ended: 'gray', cancelled: 'gray', upcoming: 'blue' };

export function ContractStateBadge({ contract, size = 'sm' }: { contract: Pick<ContractSummary, 'cancelledAt' | 'startsOn' | 'endsOn'>; size?: MantineSize }) {
  const { t } = useTranslation();
  const state = contractState(contract, todayIso(), useRenewalLeadDays());
  return (
    <Badge size={size} radius="sm" tt="none" variant={state === 'ended' || state === 'cancelled' ? 'outline' : 'light'} color={STATE_COLOR[state]}>
      {t(`maintenance.contract.status.${state}`)}
    </Badge>
  );
}

const VISIT_COLOR: Record<VisitStatus, string> = { due: 'blue', done: 'teal', missed: 'red', cancelled: 'gray' };

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" radius="sm" tt="none" variant={status === 'cancelled' ? 'outline' : 'light'} color={VISIT_COLOR[status]}>
      {t(`maintenance.visit.status.${status}`)}
    </Badge>
  );
}

export function termText(from: string, to: string, lang: Language): string {
  return `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
}

export { planLineText } from '../../../../shared/plan-text';

/** A visit's kind as the desk reads it: the renewal visit (续保走访) by its own name. */
export function visitKindText(v: Pick<Visit, 'kind' | 'renewal'>, t: TFunction): string {
  return v.renewal ? t('renewal.visit.kind') : t(`maintenance.visit.kind.${v.kind}`);
}

/** The working calendar as the backend keeps it (shipped years plus the desk's own), for planning on screen. */
export function useWorkingCalendar(): WorkingCalendar | null {
  const view = useApiQuery('calendar:get', {});
  return useMemo(
    () => (view.data ? { years: Object.fromEntries(view.data.years.map((y) => [String(y.year), { holidays: y.holidays, workdays: y.workdays }])) } : null),
    [view.data],
  );
}
