import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '../../../../shared/domain/calendar';
import { isIsoDate, todayIso } from '../../../../shared/domain/dates';
import { planVisits, VISIT_KINDS, type PlanLine, type PlannedVisit } from '../../../../shared/domain/visit-plan';
import { formatDate } from '../../../../shared/format';
import { currentLanguage } from '../../app/i18n';
import { planInput, type LineValues } from './contract-form';

/** How many of the first visits are listed by date. */
const FIRST = 9;

/** A line the schema would take; the others are left out of the preview until they are typed in full. */
function usable(line: PlanLine): boolean {
  if (!isIsoDate(line.from) || !isIsoDate(line.to) || line.to < line.from) return false;
  if (line.repeat === 'months' || line.repeat === 'days') return line.n !== null && Number.isInteger(line.n) && line.n >= 1 && line.n <= 366;
  if (line.repeat === 'after') return line.offsets !== null && line.offsets.every((m) => Number.isInteger(m) && m >= 1 && m <= 60);
  return true;
}

export interface Preview {
  visits: PlannedVisit[];
  /** Lines (1-based) that make no visit at all within their dates. */
  idle: number[];
  missingYears: number[];
}

/** The visits the backend will make on saving: the plan's, on working days, from today on. */
export function previewPlan(lines: readonly LineValues[], calendar: WorkingCalendar, today = todayIso()): Preview {
  const plan = planInput(lines);
  const kept = plan.map((line, index) => ({ line, index })).filter(({ line }) => usable(line));
  const all = planVisits(
    kept.map((k) => k.line),
    calendar,
  ).map((v) => ({ ...v, line: kept[v.line]!.index }));
  const visits = all.filter((v) => v.due >= today);
  const busy = new Set(visits.map((v) => v.line));
  const idle = kept.filter(({ index }) => !busy.has(index)).map(({ index }) => index + 1);
  const missingYears = [...new Set(visits.filter((v) => v.calendarMissing).map((v) => Number(v.due.slice(0, 4))))].sort();
  return { visits, idle, missingYears };
}

/** What saving will schedule: how many of each kind, the first dates (moved onto working days), and what the calendar cannot say. */
export function PlanPreview({ lines, calendar }: { lines: readonly LineValues[]; calendar: WorkingCalendar | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const preview = useMemo(() => (calendar ? previewPlan(lines, calendar) : null), [lines, calendar]);
  if (!preview) return null;
  const { visits, idle, missingYears } = preview;
  const kinds = VISIT_KINDS.filter((k) => lines.some((l) => l.kind === k));
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)" data-testid="plan-preview">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('maintenance.preview.title')}
          </Text>
          <Badge size="sm" radius="sm" variant="filled" tt="none" data-testid="preview-total">
            {t('maintenance.preview.total', { count: visits.length })}
          </Badge>
          {kinds.map((k) => (
            <Badge key={k} size="sm" radius="sm" variant="light" color="gray" tt="none" data-testid={`preview-${k}`}>
              {t('maintenance.preview.perKind', { kind: t(`maintenance.visit.kind.${k}`), count: visits.filter((v) => v.kind === k).length })}
            </Badge>
          ))}
        </Group>
        {visits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('maintenance.preview.none')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('maintenance.preview.first')}
            </Text>
            <SimpleGrid cols={3} spacing={6} verticalSpacing={2} data-testid="preview-first">
              {visits.slice(0, FIRST).map((v, i) => (
                <Text key={i} size="sm">
                  {formatDate(v.due, lang)} {t(`maintenance.visit.kind.${v.kind}`)}
                  {v.due !== v.nominal && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('maintenance.preview.moved', { nominal: formatDate(v.nominal, lang) })}
                    </Text>
                  )}
                </Text>
              ))}
            </SimpleGrid>
            {visits.length > FIRST && (
              <Text size="xs" c="dimmed">
                {t('maintenance.preview.more', { count: visits.length - FIRST })}
              </Text>
            )}
          </>
        )}
        {idle.map((n) => (
          <Text key={n} size="xs" c="orange.8" data-testid="preview-idle">
            {t('maintenance.preview.lineNone', { n })}
          </Text>
        ))}
        {missingYears.length > 0 && (
          <Alert variant="light" color="yellow" icon={<IconCalendarExclamation size={16} />} py={6} data-testid="preview-calendar-missing">
            <Text size="xs">{t('maintenance.preview.calendarMissing', { years: missingYears.join(t('app.common.listSeparator')) })}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
