import { Group, Input, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, localDay, localMoment, localTime } from '../../../../shared/domain/dates';
import { checkEventTime } from '../../../../shared/domain/event-times';
import type { TicketStatus } from '../../../../shared/domain/ticket-status';
import { formatDateTime } from '../../../../shared/format';
import { clockTime, type TicketDetail } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { tidyOnBlur, tidyTime } from './ticket-assignment';

/*
 * When an arrival, a completion or a callback really happened: a date and a 24 h time typed the
 * way the desk types them (2026/9/18, 930), like the appointment. Plain text inputs rather than a
 * picker: the clerk mostly keeps what is offered or changes a few digits, without the mouse.
 */

export interface WhenValues {
  date: string;
  time: string;
}

/** What the dialog offers first: a moment (null: now, stamped by the backend) and how it reads. */
export interface WhenStart {
  ms: number | null;
  values: WhenValues;
  fromAppointment: boolean;
}

/** A 24 h time as the backend's schema reads it, so the dialog refuses exactly what it would. */
const isClock = (time: string) => clockTime.safeParse(time).success;

export function whenStart(offered: number | null, now = Date.now()): WhenStart {
  const shown = offered ?? now;
  return { ms: offered, values: { date: localDay(shown), time: localTime(shown) }, fromAppointment: offered !== null };
}

/**
 * The moment the date and time name. Left as offered, the offered moment itself (null for now):
 * the minute shown is rounded down, and a ticket reported seconds ago must not read as arrived
 * before its report. NaN when they do not read as a date and a time.
 */
export function typedMoment(v: WhenValues, start: WhenStart): number | null {
  const date = tidyDate(v.date);
  const time = tidyTime(v.time);
  if (date === start.values.date && time === start.values.time) return start.ms;
  if (!isIsoDate(date) || !isClock(time)) return Number.NaN;
  return localMoment(date, time);
}

/**
 * The same refusals the backend makes, shown before anything is sent (its own check still
 * decides): a date or time that does not read under its field, a time out of order under `at`.
 */
export function whenErrors(t: TFunction, status: TicketStatus, v: WhenValues, start: WhenStart, ticket: TicketDetail): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(tidyDate(v.date))) errors.date = t('validation.date');
  if (!isClock(tidyTime(v.time))) errors.time = t('validation.time');
  const at = typedMoment(v, start);
  if (Object.keys(errors).length > 0 || at === null) return errors;
  const checked = checkEventTime(status, at, { reportedAt: ticket.reportedAt, arrivedAt: ticket.arrivedAt, resolvedAt: ticket.resolvedAt }, Date.now());
  if (!checked.ok) errors.at = t(`ticketing.errors.${checked.rule}`, checked.params);
  return errors;
}

/** The date and time of one event, with the ticket's moments it must follow read out beneath. */
export function WhenFields<V extends WhenValues>({
  form,
  status,
  start,
  ticket,
  autoFocus = false,
}: {
  form: UseFormReturnType<V>;
  status: TicketStatus;
  start: WhenStart;
  ticket: TicketDetail;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const error = form.errors.at ?? form.errors.date ?? form.errors.time;
  const field = (name: 'date' | 'time', tidy: (s: string) => string) => ({
    ...tidyOnBlur(form.getInputProps(name), tidy, (v) => form.setFieldValue(name, v as never)),
    error: Boolean(form.errors[name] ?? form.errors.at),
    // Typing replaces what is offered: most changes are a whole new time.
    onFocus: (event: FocusEvent<HTMLInputElement>) => event.currentTarget.select(),
    // Enter saves without leaving the field: it is tidied all the same, so a refusal shows 18:33, not 1833.
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') form.setFieldValue(name, tidy(event.currentTarget.value) as never);
    },
  });
  const after = [t('tickets.when.reported', { at: formatDateTime(ticket.reportedAt, lang) })];
  if (status === 'resolved' && ticket.arrivedAt !== null) after.push(t('tickets.when.arrived', { at: formatDateTime(ticket.arrivedAt, lang) }));
  if (status === 'calledBack' && ticket.resolvedAt !== null) after.push(t('tickets.when.resolved', { at: formatDateTime(ticket.resolvedAt, lang) }));
  return (
    <Stack gap={4} data-testid="event-time">
      <Input.Wrapper label={t(`ticketing.eventTime.${status}`)} labelElement="div" withAsterisk error={error}>
        <Group gap="xs" wrap="nowrap" align="center">
          <TextInput
            aria-label={t('tickets.when.date')}
            placeholder={t('app.common.dateExample')}
            inputMode="numeric"
            maxLength={10}
            w={132}
            data-autofocus={autoFocus || undefined}
            {...field('date', tidyDate)}
          />
          <TextInput aria-label={t('tickets.when.time')} placeholder={t('tickets.appoint.timePlaceholder')} maxLength={5} w={88} {...field('time', tidyTime)} />
          {start.fromAppointment && (
            <Text size="xs" c="dimmed">
              {t('tickets.when.fromAppointment')}
            </Text>
          )}
        </Group>
      </Input.Wrapper>
      <Text size="xs" c="dimmed">
        {after.join(t('app.common.listSeparator'))}
      </Text>
      <Text size="xs" c="dimmed">
        {t('tickets.when.hint')}
      </Text>
    </Stack>
  );
}
