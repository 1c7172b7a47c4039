import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '../../../../shared/domain/calendar';
import { VISIT_KINDS } from '../../../../shared/domain/visit-plan';
import { formatDate } from '../../../../shared/format';
import { currentLanguage } from '../../app/i18n';
import { previewPlan, type LineValues } from './contract-form';

/** How many of the first visits are listed by date. */
const FIRST = 9;

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
