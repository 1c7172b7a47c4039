import { Alert, Badge, Button, Grid, Group, Input, Modal, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIso, weekday } from '../../../../shared/domain/dates';
import { CALL_OUTCOMES, CALL_PURPOSES } from '../../../../shared/domain/calls';
import { formatDate } from '../../../../shared/format';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import type { CallWeekSummary } from '../../../../shared/schemas/call';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { PageHeader } from '../../ui/PageHeader';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { usePrintSetup } from '../../ui/print-setup';
import { QueryState } from '../../ui/QueryState';

type CardPaper = (typeof CARD_PAPERS)[number];
const isPaper = (v: string): v is CardPaper => (CARD_PAPERS as readonly string[]).includes(v);
const mondayOf = (day: string) => addDays(day, -((weekday(day) + 6) % 7));
const right = { textAlign: 'right' } as const;

function Figure({ label, value, note, color }: { label: string; value: string; note?: string; color?: string }) {
  return (
    <Paper withBorder px="md" py="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} lh={1.2}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c={color}>
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Figures({ s }: { s: CallWeekSummary }) {
  const { t } = useTranslation();
  const met = s.phoneSharePct !== null && s.phoneSharePct >= s.phoneTargetPct;
  const share = s.phoneSharePct === null ? t('calls.week.none') : t('calls.week.share', { pct: s.phoneSharePct });
  return (
    <SimpleGrid cols={4} spacing="sm" data-testid="call-week-figures">
      <Figure label={t('calls.week.figures.total')} value={String(s.total)} />
      <Figure label={t('calls.week.figures.solvedByPhone')} value={String(s.solvedByPhone)} />
      <Figure
        label={t('calls.week.figures.share')}
        value={share}
        color={s.phoneSharePct === null ? undefined : met ? 'teal' : 'red'}
        note={s.phoneSharePct === null ? undefined : t(met ? 'calls.week.targetMet' : 'calls.week.targetMissed', { pct: s.phoneTargetPct })}
      />
      <Figure label={t('calls.week.figures.ticketsOpened')} value={String(s.ticketsOpened)} />
    </SimpleGrid>
  );
}

function PurposeGrid({ s }: { s: CallWeekSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <Table fz="sm" layout="fixed" data-testid="call-week-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="16%">{t('calls.week.columns.purpose')}</Table.Th>
            {CALL_OUTCOMES.map((o) => (
              <Table.Th key={o} style={right}>
                {t(`calls.outcome.${o}`)}
              </Table.Th>
            ))}
            <Table.Th style={right}>{t('calls.week.columns.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CALL_PURPOSES.map((p) => (
            <Table.Tr key={p}>
              <Table.Td>{t(`calls.purpose.${p}`)}</Table.Td>
              {CALL_OUTCOMES.map((o) => (
                <Table.Td key={o} style={right}>
                  {s.grid[p][o]}
                </Table.Td>
              ))}
              <Table.Td style={right} fw={600}>
                {s.byPurpose[p]}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>{t('calls.week.total')}</Table.Td>
            {CALL_OUTCOMES.map((o) => (
              <Table.Td key={o} style={right}>
                {s.byOutcome[o]}
              </Table.Td>
            ))}
            <Table.Td style={right}>{s.total}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function PerDay({ s }: { s: CallWeekSummary }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pct = (solved: number, total: number) => (total === 0 ? t('calls.week.none') : t('calls.week.share', { pct: Math.round((solved / total) * 1000) / 10 }));
  return (
    <Paper withBorder>
      <Table fz="sm" data-testid="call-week-days">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calls.week.columns.day')}</Table.Th>
            <Table.Th style={right}>{t('calls.week.columns.calls')}</Table.Th>
            <Table.Th style={right}>{t('calls.week.columns.solvedByPhone')}</Table.Th>
            <Table.Th style={right}>{t('calls.week.columns.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.days.map((d) => (
            <Table.Tr key={d.day}>
              <Table.Td>
                {formatDate(d.day, lang)} {t(`calls.print.weekday.${weekday(d.day)}`)}
              </Table.Td>
              <Table.Td style={right}>{d.total}</Table.Td>
              <Table.Td style={right}>{d.solvedByPhone}</Table.Td>
              <Table.Td style={right}>{pct(d.solvedByPhone, d.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function PrintDialog({ weekOf, onClose }: { weekOf: string; onClose: () => void }) {
  const { t } = useTranslation();
  const configured = usePrintSetup('callSummary').paper;
  const [paper, setPaper] = useState<CardPaper>(isPaper(configured) ? configured : 'A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const generate = useApiMutation('documents:callSummary');
  useEffect(preloadPdfPreview, []);
  if (doc) return <DocumentPreviewModal doc={doc} onClose={onClose} />;
  const submit = () => !generate.isPending && generate.mutate({ weekOf, paper, language }, { onSuccess: (d: GeneratedDocument) => setDoc(d) });
  return (
    <Modal opened onClose={onClose} title={t('calls.week.print')} size={460} styles={{ title: { fontWeight: 600 } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Input.Wrapper label={t('calls.week.paper')}>
            <div>
              <SegmentedControl value={paper} onChange={(v) => isPaper(v) && setPaper(v)} data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))} />
            </div>
          </Input.Wrapper>
          <Input.Wrapper label={t('calls.week.language')}>
            <div>
              <SegmentedControl value={language} onChange={(v) => isLanguage(v) && setLanguage(v)} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </div>
          </Input.Wrapper>
          {generate.isError && (
            <Alert color="red" variant="light">
              <Text size="sm">{errorText(t, generate.error)}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('app.common.cancel')}
            </Button>
            <Button type="submit" loading={generate.isPending} data-autofocus data-testid="call-summary-generate">
              {t('calls.week.generate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The target share: one of the desk's rules (the admin PIN is asked for when one is set). */
function TargetSetting({ current }: { current: number }) {
  const { t } = useTranslation();
  const save = useApiMutation('calls:setRules');
  const [value, setValue] = useState<number | string>(current);
  const submit = () =>
    save.mutate({ phoneTargetPct: Number(value) }, { onSuccess: () => notifyDone(t('calls.week.targetSaved')), onError: (err) => notifyError(t, err) });
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        label={t('calls.week.target')}
        description={t('calls.week.targetHint')}
        value={value}
        onChange={setValue}
        min={1}
        max={100}
        allowDecimal={false}
        suffix="%"
        w={340}
        onKeyDown={(e) => e.key === 'Enter' && submit()}
      />
      <Button variant="default" onClick={submit} loading={save.isPending} disabled={Number(value) === current}>
        {t('calls.week.saveTarget')}
      </Button>
    </Group>
  );
}

/** The weekly call summary (来电周汇总): this week by default, a week back or forward, printed or exported. */
export function CallWeekPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [weekOf, setWeekOf] = useState(() => mondayOf(todayIso()));
  const week = useApiQuery('calls:week', { weekOf }, { placeholderData: (previous) => previous });
  const exporting = useApiMutation('calls:export');
  const [printing, setPrinting] = useState(false);
  const s = week.data;
  const thisWeek = mondayOf(todayIso());
  const exportWeek = () =>
    exporting.mutate(
      { weekOf },
      {
        onSuccess: (r) => r.savedTo && notifyDone(t('calls.week.exported', { rows: r.rows, path: r.savedTo })),
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <>
      <PageHeader title={t('calls.week.title')}>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportWeek} loading={exporting.isPending}>
          {t('calls.week.export')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="call-summary-print">
          {t('calls.week.print')}
        </Button>
      </PageHeader>
      <Group gap="xs" mb="md">
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} onClick={() => setWeekOf(addDays(weekOf, -7))}>
          {t('calls.week.previous')}
        </Button>
        <Text fw={600} data-testid="call-week-period">
          {s ? t('calls.week.period', { from: formatDate(s.from, lang), to: formatDate(s.to, lang) }) : ''}
        </Text>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} onClick={() => setWeekOf(addDays(weekOf, 7))} disabled={weekOf >= thisWeek}>
          {t('calls.week.next')}
        </Button>
        {weekOf !== thisWeek && (
          <Button variant="subtle" size="xs" onClick={() => setWeekOf(thisWeek)}>
            {t('calls.week.thisWeek')}
          </Button>
        )}
      </Group>
      <QueryState isPending={week.isPending} error={week.error} />
      {s && (
        <Stack gap="md">
          <Figures s={s} />
          {s.total === 0 && (
            <Text size="sm" c="dimmed">
              {t('calls.week.empty')}
            </Text>
          )}
          <Grid gap="md">
            <Grid.Col span={7}>
              <Stack gap={6}>
                <Title order={3} fz="md" fw={600}>
                  {t('calls.week.grid')}
                </Title>
                <PurposeGrid s={s} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={5}>
              <Stack gap={6}>
                <Group gap="xs">
                  <Title order={3} fz="md" fw={600}>
                    {t('calls.week.days')}
                  </Title>
                  <Badge size="sm" variant="default" radius="sm">
                    {s.total}
                  </Badge>
                </Group>
                <PerDay s={s} />
              </Stack>
            </Grid.Col>
          </Grid>
          {/* Keyed by the saved target: a new one (here or elsewhere) starts the field afresh. */}
          <TargetSetting key={s.phoneTargetPct} current={s.phoneTargetPct} />
        </Stack>
      )}
      {printing && <PrintDialog weekOf={weekOf} onClose={() => setPrinting(false)} />}
    </>
  );
}
