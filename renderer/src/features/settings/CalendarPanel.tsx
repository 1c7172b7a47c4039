import { Alert, Button, Group, Indicator, Select, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../../shared/schemas/service';
import { useApiQuery } from '../../api/client';
import { QueryState } from '../../ui/QueryState';
import { CalendarYearForm } from './CalendarYearForm';

function useCalendar() {
  return useApiQuery('calendar:get', {});
}

/** The State Council publishes next year's holidays in November; until the desk enters them, deadlines treat every weekday as working. */
export function MissingYearNotice({ year, onStart }: { year: number; onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="yellow" icon={<IconCalendarExclamation size={18} />} py={8} mb="sm" data-testid="calendar-missing">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{t('service.calendar.missing', { year })}</Text>
        <Button size="xs" variant="white" color="yellow" onClick={onStart} style={{ flexShrink: 0 }}>
          {t('service.calendar.startYear', { year })}
        </Button>
      </Group>
    </Alert>
  );
}

/** The tab's name, with a dot while a year the desk needs is missing. */
export function CalendarTabLabel() {
  const { t } = useTranslation();
  const missing = useCalendar().data?.missingYear ?? null;
  return (
    <Indicator color="yellow" size={8} offset={-4} disabled={missing === null} position="top-end">
      {t('service.tabs.calendar')}
    </Indicator>
  );
}

function yearChoices(view: CalendarView, chosen: number | null): number[] {
  const years = new Set(view.years.map((y) => y.year));
  if (view.missingYear !== null) years.add(view.missingYear);
  // One year past the last known one, so the next notice can be entered the day it is out.
  years.add(Math.max(new Date().getFullYear(), ...years) + 1);
  if (chosen !== null) years.add(chosen);
  return [...years].sort((a, b) => a - b);
}

export function CalendarPanel() {
  const { t } = useTranslation();
  const calendar = useCalendar();
  const [chosen, setChosen] = useState<number | null>(null);
  const view = calendar.data;
  const thisYear = new Date().getFullYear();
  const year = chosen ?? (view && view.years.some((y) => y.year === thisYear) ? thisYear : (view?.years.at(-1)?.year ?? thisYear));
  const entry = view?.years.find((y) => y.year === year) ?? null;
  const provisional = entry ? null : (view?.provisional.find((y) => y.year === year) ?? null);
  const shipped = view?.shippedYears.includes(year) ?? false;

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('service.calendar.hint')}
      </Text>
      <QueryState isPending={calendar.isPending} error={calendar.error} />
      {view && (
        <>
          {view.missingYear !== null && (
            <MissingYearNotice year={view.missingYear} onStart={() => setChosen(view.missingYear)} />
          )}
          <CalendarYearForm
            key={`${year}:${entry?.source ?? 'none'}`}
            year={year}
            entry={entry}
            provisional={provisional?.holidays ?? null}
            shipped={shipped}
            picker={
              <Select
                w={330}
                label={t('service.calendar.year')}
                allowDeselect={false}
                value={String(year)}
                onChange={(v) => v && setChosen(Number(v))}
                data={yearChoices(view, chosen).map((y) => {
                  const known = view.years.find((entryOf) => entryOf.year === y);
                  const source = known?.source ?? (view.provisional.some((p) => p.year === y) ? 'provisional' : 'missing');
                  return { value: String(y), label: t('service.calendar.yearOption', { year: y, state: t(`service.calendar.source.${source}`) }) };
                })}
              />
            }
          />
        </>
      )}
    </>
  );
}
