import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { keptShare, reportTables, tallyLabel, warningText } from '../../../../shared/domain/report-tables';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { ReportBundle, WarningSettings } from '../../../../shared/schemas/reports';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { DocumentPreviewModal } from '../../ui/DocumentPreviewModal';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { openTicket } from '../tickets';
import { Bars, Stacked } from './charts';
import { lastMonth, periodOf, type PeriodChoice } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ReportTableView } from './ReportTableView';
import { WarningRulesModal } from './WarningRulesModal';
import { WarningFeedbackButton } from '../settle';

const TABS = ['repairs', 'service', 'satisfaction', 'parts', 'money', 'scheduled', 'failures'] as const;
/** Which shared tables each tab shows under its charts. */
const TABLES: Record<(typeof TABS)[number], string[]> = {
  repairs: ['repairs', 'log'],
  service: ['service', 'late'],
  satisfaction: ['satisfaction', 'complaints'],
  parts: ['parts', 'moves', 'loaners'],
  money: ['money'],
  scheduled: ['scheduled'],
  failures: ['warnings', 'failures'],
};

function Charts({ tab, r }: { tab: (typeof TABS)[number]; r: ReportBundle }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`reports.${key}`);
  switch (tab) {
    case 'repairs':
      return (
        <SimpleGrid cols={2}>
          <Bars testId="chart-category" title={k('repairs.byCategory')} data={r.repairs.byCategory.map((x) => ({ label: tallyLabel(t, 'category', x), value: x.count }))} />
          <Bars testId="chart-model" title={k('repairs.byModel')} data={r.repairs.byModel.slice(0, 12).map((x) => ({ label: tallyLabel(t, 'model', x), value: x.count }))} />
          <Bars testId="chart-status" title={k('repairs.byStatus')} data={r.repairs.byStatus.map((x) => ({ label: tallyLabel(t, 'status', x), value: x.count }))} />
          <Bars testId="chart-technician" title={k('repairs.byTechnician')} data={r.repairs.byTechnician.slice(0, 12).map((x) => ({ label: tallyLabel(t, 'technician', x), value: x.count }))} />
        </SimpleGrid>
      );
    case 'service':
      return (
        <Stacked
          testId="chart-service"
          title={k('service.title')}
          legend={[k('service.kept'), k('service.late'), k('service.open')]}
          data={(['answer', 'arrival', 'fix'] as const).map((m) => ({ label: `${k(`service.columns.${m}`)} ${keptShare(r.service.totals[m])}`, values: [r.service.totals[m].kept, r.service.totals[m].late, r.service.totals[m].open] }))}
        />
      );
    case 'satisfaction':
      return <Bars testId="chart-scores" title={k('satisfaction.scores')} data={[...r.satisfaction.scores].reverse().map((s) => ({ label: t('reports.satisfaction.score', { score: s.score }), value: s.count }))} />;
    case 'parts':
      return <Bars testId="chart-parts" title={k('parts.title')} data={r.parts.lines.slice(0, 12).map((l) => ({ label: `${l.partNumber} ${l.name}`, value: l.quantity }))} />;
    case 'money':
      return (
        <Bars
          testId="chart-money"
          title={k('money.title')}
          unit=" ¥"
          data={[
            { label: k('money.revenue'), value: r.money.revenueFen / 100 },
            { label: k('money.warrantyParts'), value: r.money.warrantyPartsFen / 100 },
            { label: k('money.warrantyLabour'), value: r.money.warrantyLabourFen / 100 },
          ]}
        />
      );
    case 'scheduled':
      return <Bars testId="chart-visits" title={k('scheduled.title')} data={(['planned', 'done', 'missed', 'open'] as const).map((x) => ({ label: k(`scheduled.${x}`), value: r.scheduled[x] }))} />;
    case 'failures':
      return (
        <Bars
          testId="chart-failures"
          title={k('failures.byModel')}
          data={r.failures.byModel.filter((m) => m.ratePer100X100 !== null).slice(0, 12).map((m) => ({ label: m.label ?? k('repairs.noModel'), value: m.ratePer100X100! / 100 }))}
        />
      );
  }
}

export function Warnings({ r, rules }: { r: { warnings: ReportBundle['warnings'] }; rules: WarningSettings }) {
  const { t } = useTranslation();
  if (r.warnings.length === 0) return <Text size="sm" c="dimmed">{t('reports.warnings.none')}</Text>;
  // One box, one line per warning: the tabs and charts stay in view on a 768-pixel screen.
  return (
    <Alert color="orange" variant="light" py={8} data-testid="report-warnings" title={`${t('reports.warnings.title')} (${r.warnings.length})`}>
      <Stack gap={2} role="list">
        {r.warnings.map((w, i) => (
          <Group key={i} gap={8} wrap="nowrap" align="baseline" role="listitem">
            {/* On white: the theme makes outline colours readable on white, not on the alert's tint. */}
            <Badge size="sm" variant="outline" color="orange" bg="white" radius="sm" tt="none" style={{ flexShrink: 0 }}>
              {t(`reports.warnings.kind.${w.kind}`)}
            </Badge>
            <Text size="sm">{warningText(t, w, rules)}</Text>
            <Group gap={6} wrap="nowrap">
              {w.tickets.slice(0, 6).map((x) => (
                <Anchor key={x.id} component="button" type="button" size="xs" ff="monospace" onClick={() => openTicket(x.id)}>
                  {x.number}
                </Anchor>
              ))}
              {w.tickets.length > 6 && (
                <Text size="xs" c="dimmed">
                  +{w.tickets.length - 6}
                </Text>
              )}
            </Group>
            <WarningFeedbackButton warning={w} rules={rules} />
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

/** The owner's month (统计报表): a period, each report's chart and table, the workbook and the printed pack. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [choice, setChoice] = useState<PeriodChoice>(() => lastMonth(todayIso()));
  const [tab, setTab] = useState<(typeof TABS)[number]>('repairs');
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const period = periodOf(choice);
  const report = useApiQuery('reports:bundle', period, { placeholderData: (previous) => previous });
  const rules = useApiQuery('reports:settings', {});
  const exporting = useApiMutation('reports:export');
  const pack = useApiMutation('documents:reportPack');
  const r = report.data;
  const tables = useMemo(() => (r && rules.data ? new Map(reportTables(t, lang, r, rules.data).map((x) => [x.key, x])) : null), [r, rules.data, t, lang]);
  return (
    <>
      <PageHeader title={t('reports.title')}>
        <Button size="xs" variant="default" leftSection={<IconSettings size={14} />} onClick={() => setRulesOpen(true)} data-testid="report-rules">
          {t('reports.actions.settings')}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileSpreadsheet size={14} />}
          loading={exporting.isPending}
          data-testid="report-export"
          onClick={() => exporting.mutate({ ...period, language: lang }, { onSuccess: (d) => d.savedTo && notifyDone(t('reports.actions.exported', { path: d.savedTo })), onError: (e) => notifyError(t, e) })}
        >
          {t('reports.actions.export')}
        </Button>
        <Button size="xs" leftSection={<IconPrinter size={14} />} loading={pack.isPending} data-testid="report-pack" onClick={() => pack.mutate({ ...period, language: lang }, { onSuccess: setDoc, onError: (e) => notifyError(t, e) })}>
          {t('reports.actions.pack')}
        </Button>
      </PageHeader>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <PeriodPicker value={choice} onChange={setChoice} />
          {r && (
            <Text size="xs" c="dimmed" data-testid="report-as-of">
              {t('reports.period.text', { from: r.period.from, to: r.period.to })} · {t('reports.period.asOf', { day: r.asOf })}
            </Text>
          )}
        </Group>
        <QueryState isPending={report.isPending} error={report.error} />
        {r && rules.data && tables && (
          <>
            {r.warnings.length > 0 && <Warnings r={r} rules={rules.data} />}
            <Tabs value={tab} onChange={(v) => v && setTab(v as (typeof TABS)[number])} keepMounted={false}>
              <Tabs.List>
                {TABS.map((x) => (
                  <Tabs.Tab key={x} value={x} data-testid={`report-tab-${x}`}>
                    {t(`reports.tabs.${x}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {TABS.map((x) => (
                <Tabs.Panel key={x} value={x} pt="sm">
                  <Stack gap="md">
                    {r.repairs.total === 0 && x === 'repairs' && <Text c="dimmed">{t('reports.empty')}</Text>}
                    <Charts tab={x} r={r} />
                    {TABLES[x].map((key) => {
                      const table = tables.get(key);
                      return table ? (
                        <Stack key={key} gap={4}>
                          <Text fw={600} size="sm">
                            {table.title}
                          </Text>
                          <ReportTableView table={table} />
                        </Stack>
                      ) : null;
                    })}
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        )}
      </Stack>
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
      {rulesOpen && rules.data && <WarningRulesModal rules={rules.data} onClose={() => setRulesOpen(false)} />}
    </>
  );
}
