import { Badge, Stack, Text, type MantineSize } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { DeadlineState, DeadlineView } from '../../../../shared/domain/sla';
import type { Severity, TicketStatus } from '../../../../shared/domain/ticket-status';
import { currentLanguage } from '../../app/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A stretch of time as the desk says it on the phone: "1 小时 20 分", "2 天 3 小时". Minutes stop
 * mattering once a promise is days away, so days drop them. The sign is the caller's business.
 */
export function formatSpan(ms: number, t: TFunction): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return t('desk.span.underMinute');
  if (abs < HOUR) return t('desk.span.minutes', { m: Math.floor(abs / MINUTE) });
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? t('desk.span.hoursOnly', { h }) : t('desk.span.hours', { h, m });
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h === 0 ? t('desk.span.daysOnly', { d }) : t('desk.span.days', { d, h });
}

/** Colour by what the desk has to do: blue/cyan still ours, orange waiting on something, green done. */
const STATUS_LOOK: Record<TicketStatus, { color: string; variant: 'light' | 'outline' }> = {
  new: { color: 'blue', variant: 'light' },
  answered: { color: 'blue', variant: 'light' },
  scheduled: { color: 'cyan', variant: 'light' },
  dispatched: { color: 'cyan', variant: 'light' },
  onSite: { color: 'cyan', variant: 'light' },
  waitingParts: { color: 'orange', variant: 'light' },
  atWorkshop: { color: 'orange', variant: 'light' },
  resolved: { color: 'green', variant: 'light' },
  calledBack: { color: 'green', variant: 'light' },
  closed: { color: 'gray', variant: 'light' },
  cancelled: { color: 'gray', variant: 'outline' },
};

export function StatusBadge({ status, size = 'sm' }: { status: TicketStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={look.variant} size={size} radius="sm" tt="none" data-status={status}>
      {t(`ticketing.status.${status}`)}
    </Badge>
  );
}

/** Overdue is the one thing on the screen that must shout: filled red; a promise missed but done only lightly. */
const DEADLINE_LOOK: Record<DeadlineState, { color: string; variant: 'filled' | 'light' | 'default' }> = {
  overdue: { color: 'red', variant: 'filled' },
  atRisk: { color: 'orange', variant: 'light' },
  onTrack: { color: 'gray', variant: 'default' },
  met: { color: 'green', variant: 'light' },
  missed: { color: 'red', variant: 'light' },
};

function deadlineTitle(deadline: DeadlineView, t: TFunction): string {
  const lang = currentLanguage();
  const due = t('desk.deadline.due', { due: formatDateTime(deadline.due, lang) });
  return deadline.doneAt === null ? due : `${due} · ${t('desk.deadline.doneAt', { done: formatDateTime(deadline.doneAt, lang) })}`;
}

/**
 * A deadline: the promise and its state on the badge, the time left or over on a line below it.
 * "On site: On track · 11 h 17 min left" on one badge made the column the widest of its table and
 * pushed the lists past a laptop at 125% display scaling. Beside its milestone's name (the
 * ticket's deadlines table) the badge leaves the name out.
 */
export function DeadlineBadge({ deadline, withMilestone = true }: { deadline: DeadlineView | null; withMilestone?: boolean }) {
  const { t } = useTranslation();
  if (!deadline) return null;
  const state = t(`ticketing.deadlineState.${deadline.state}`);
  const label = withMilestone ? t('desk.deadline.label', { milestone: t(`ticketing.milestone.${deadline.milestone}`), state }) : state;
  const look = DEADLINE_LOOK[deadline.state];
  const left = deadline.leftMs;
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={look.color}
        variant={look.variant}
        size="sm"
        radius="sm"
        tt="none"
        title={deadlineTitle(deadline, t)}
        data-state={deadline.state}
        data-milestone={deadline.milestone}
        data-testid="deadline-badge"
      >
        {label}
      </Badge>
      {left !== null && (
        <Text size="xs" c={left < 0 ? 'red.9' : 'dimmed'} fw={left < 0 ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="deadline-time">
          {left < 0 ? t('ticketing.timeOver', { time: formatSpan(left, t) }) : t('ticketing.timeLeft', { time: formatSpan(left, t) })}
        </Text>
      )}
    </Stack>
  );
}

const SEVERITY_LOOK: Record<Severity, { color: string; variant: 'light' | 'filled' | 'default' }> = {
  ordinary: { color: 'gray', variant: 'default' },
  major: { color: 'orange', variant: 'light' },
  emergency: { color: 'red', variant: 'filled' },
};

export function SeverityBadge({ severity, size = 'sm' }: { severity: Severity; size?: MantineSize }) {
  const { t } = useTranslation();
  const look = SEVERITY_LOOK[severity];
  return (
    <Badge color={look.color} variant={look.variant} size={size} radius="sm" tt="none" data-severity={severity}>
      {t(`ticketing.severity.${severity}`)}
    </Badge>
  );
}

export function WarrantyDecisionBadge({ inWarranty, size = 'sm' }: { inWarranty: boolean; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={inWarranty ? 'green' : 'gray'} variant="light" size={size} radius="sm" tt="none" data-in-warranty={inWarranty}>
      {t(inWarranty ? 'ticketing.warranty.in' : 'ticketing.warranty.out')}
    </Badge>
  );
}
