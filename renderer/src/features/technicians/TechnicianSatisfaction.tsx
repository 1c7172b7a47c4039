import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, todayIso } from '../../../../shared/domain/dates';
import { formatDateTime } from '../../../../shared/format';
import type { SatisfactionReport, ScoreTally, TechnicianSatisfaction as PersonRow } from '../../../../shared/schemas/review';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { openTicket, questionText, SurveyAnswers } from '../tickets';

const nowrap = { whiteSpace: 'nowrap' } as const;
const avg = (x: ScoreTally | undefined) => (x === undefined || x.average === null ? '–' : x.average.toFixed(2));
const pct = (x: ScoreTally | undefined) => (x === undefined || x.satisfiedShare === null ? '–' : `${Math.round(x.satisfiedShare * 100)}%`);

/** A typed day, tidied as the other date boxes do it (2026-1-5 → 2026-01-05); kept as it was when it is not one. */
function DayBox({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const [typed, setTyped] = useState(value);
  const commit = () => {
    const tidy = tidyDate(typed);
    if (isIsoDate(tidy)) {
      setTyped(tidy);
      onChange(tidy);
    } else setTyped(value);
  };
  return (
    <TextInput
      size="xs"
      w={120}
      label={label}
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** The callbacks on one technician's tickets in the period, with every answer (their record). */
function AnswersModal({ person, from, to, onClose }: { person: PersonRow; from: string; to: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useApiQuery('survey:answers', { technicianId: person.technicianId, from, to });
  return (
    <Modal opened onClose={onClose} size={760} title={t('survey.view.answersTitle', { name: person.name, from, to })} styles={{ title: { fontWeight: 600 } }}>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('survey.view.noAnswers', { name: person.name })}
        </Text>
      )}
      <Stack gap="xs" data-testid="technician-answers">
        {list.data?.map((c) => (
          <Stack key={c.callbackId} gap={2} pb={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap={8}>
              <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => (onClose(), openTicket(c.ticketId))}>
                {c.ticketNumber}
              </Anchor>
              <Text size="sm">{c.customerName}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.doneAt, lang)}
              </Text>
              {c.satisfaction !== null ? (
                <Badge size="sm" variant="light" radius="sm" tt="none" color={c.satisfaction <= 2 ? 'red' : c.satisfaction >= 4 ? 'green' : 'gray'}>
                  {t('tickets.callback.score', { score: c.satisfaction, label: t(`ticketing.satisfaction.${c.satisfaction}`) })}
                </Badge>
              ) : (
                !c.reached && (
                  <Badge size="sm" variant="light" color="gray" radius="sm" tt="none">
                    {t('survey.view.notReached')}
                  </Badge>
                )
              )}
            </Group>
            {c.comments && <Text size="sm">{c.comments}</Text>}
            <SurveyAnswers answers={c.answers} />
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}

/** The questions the period shows (active, or answered in it), numbered once for both tables. */
function shownQuestions(report: SatisfactionReport) {
  return report.questions
    .filter((q) => {
      const x = report.byQuestion[q.id];
      return q.active || (x !== undefined && (x.count > 0 || x.words > 0));
    })
    .map((q, i) => ({ ...q, n: i + 1 }));
}

/**
 * Satisfaction from the callbacks over a period (满意度统计): per technician, overall and per
 * scored question, and per question with its spread of scores; the same figures go to Excel.
 */
export function TechnicianSatisfaction() {
  const { t } = useTranslation();
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [open, setOpen] = useState<PersonRow | null>(null);
  const ordered = from <= to;
  const report = useApiQuery('survey:satisfaction', { from, to }, { enabled: ordered, placeholderData: (previous) => previous });
  const exporting = useApiMutation('survey:export');
  const r = report.data;
  const shown = r ? shownQuestions(r) : [];
  const scored = shown.filter((q) => q.kind === 'score');
  const exportIt = () =>
    exporting.mutate(
      { from, to },
      {
        onSuccess: (done) => done.savedTo && notifyDone(t('survey.view.exported', { path: done.savedTo })),
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <Stack gap="xs" data-testid="technician-satisfaction">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="flex-end">
          <Title order={2} fz="lg" fw={600} mr="sm">
            {t('survey.view.title')}
          </Title>
          <DayBox label={t('survey.view.from')} value={from} onChange={setFrom} />
          <DayBox label={t('survey.view.to')} value={to} onChange={setTo} />
          {r && (
            <Text size="sm" c="dimmed" pb={4}>
              {t('survey.view.summary', { callbacks: r.callbacks, reached: r.reached })}
            </Text>
          )}
        </Group>
        <Button size="xs" variant="light" leftSection={<IconFileSpreadsheet size={14} />} onClick={exportIt} loading={exporting.isPending} disabled={!ordered}>
          {t('survey.view.export')}
        </Button>
      </Group>
      {!ordered && (
        <Text size="sm" c="red">
          {t('survey.errors.periodOrder')}
        </Text>
      )}
      <QueryState isPending={report.isPending && ordered} error={report.error} />
      {r && r.callbacks === 0 && (
        <Text size="sm" c="dimmed">
          {t('survey.view.empty')}
        </Text>
      )}
      {r && r.callbacks > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder layout="fixed" data-testid="satisfaction-technicians">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('survey.columns.technician')}</Table.Th>
                <Table.Th w={90} ta="right">{t('survey.columns.callbacks')}</Table.Th>
                <Table.Th w={90} ta="right">{t('survey.columns.reached')}</Table.Th>
                <Table.Th w={100} ta="right">{t('survey.columns.overall')}</Table.Th>
                <Table.Th w={100} ta="right">{t('survey.columns.satisfied')}</Table.Th>
                {scored.map((q) => (
                  <Table.Th key={q.id} ta="right">
                    <Tooltip label={questionText(t, q)} multiline maw={320}>
                      <span>{t('survey.columns.numbered', { n: q.n })}</span>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.technicians.map((p) => (
                <Table.Tr key={p.technicianId} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => setOpen(p)} onKeyDown={(e) => e.key === 'Enter' && setOpen(p)} title={t('survey.view.open')}>
                  <Table.Td style={nowrap} fw={500}>
                    {p.name}
                  </Table.Td>
                  <Table.Td ta="right">{p.callbacks}</Table.Td>
                  <Table.Td ta="right">{p.reached}</Table.Td>
                  <Table.Td ta="right">{avg(p.overall)}</Table.Td>
                  <Table.Td ta="right">{pct(p.overall)}</Table.Td>
                  {scored.map((q) => (
                    <Table.Td key={q.id} ta="right">
                      {avg(p.byQuestion[q.id])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr fw={600}>
                <Table.Td>{t('survey.columns.all')}</Table.Td>
                <Table.Td ta="right">{r.callbacks}</Table.Td>
                <Table.Td ta="right">{r.reached}</Table.Td>
                <Table.Td ta="right">{avg(r.overall)}</Table.Td>
                <Table.Td ta="right">{pct(r.overall)}</Table.Td>
                {scored.map((q) => (
                  <Table.Td key={q.id} ta="right">
                    {avg(r.byQuestion[q.id])}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Title order={3} fz="md" fw={600} mt="xs">
            {t('survey.view.byQuestion')}
          </Title>
          <Table striped withTableBorder layout="fixed" data-testid="satisfaction-questions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('survey.columns.question')}</Table.Th>
                <Table.Th w={80} ta="right">{t('survey.columns.answers')}</Table.Th>
                <Table.Th w={80} ta="right">{t('survey.columns.average')}</Table.Th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Table.Th key={n} w={48} ta="right">
                    {n}
                  </Table.Th>
                ))}
                <Table.Th w={100} ta="right">{t('survey.columns.satisfied')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr fw={600}>
                <Table.Td>{t('survey.columns.overall')}</Table.Td>
                <Table.Td ta="right">{r.overall.count}</Table.Td>
                <Table.Td ta="right">{avg(r.overall)}</Table.Td>
                {r.overall.counts.map((c, i) => (
                  <Table.Td key={i} ta="right">
                    {c}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{pct(r.overall)}</Table.Td>
              </Table.Tr>
              {shown.map((q) => {
                const x = r.byQuestion[q.id];
                if (!x) return null;
                return (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      <Text size="sm" lineClamp={1} title={questionText(t, q)}>
                        {t('survey.columns.numberedQuestion', { n: q.n, question: questionText(t, q) })}
                      </Text>
                    </Table.Td>
                    {q.kind === 'words' ? (
                      <>
                        <Table.Td ta="right">{x.words}</Table.Td>
                        <Table.Td colSpan={7}>
                          <Text size="xs" c="dimmed">
                            {t('survey.kinds.words')}
                          </Text>
                        </Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td ta="right">{x.count}</Table.Td>
                        <Table.Td ta="right">{avg(x)}</Table.Td>
                        {x.counts.map((c, i) => (
                          <Table.Td key={i} ta="right">
                            {c}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{pct(x)}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
      {open && <AnswersModal person={open} from={from} to={to} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
