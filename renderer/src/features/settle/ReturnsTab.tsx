import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths, todayIso } from '../../../../shared/domain/dates';
import { formatMoney } from '../../../../shared/format';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';
import type { MakerReturnsPack, MakerReturnsRecord } from '../../../../shared/schemas/maker-returns';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { DateField } from '../../ui/DateField';
import { QueryState } from '../../ui/QueryState';

type PaperSize = (typeof CARD_PAPERS)[number];

/** The last twelve months, the current one first (drawn before it ends, it is marked provisional). */
function recentMonths(): string[] {
  const first = `${todayIso().slice(0, 7)}-01`;
  return Array.from({ length: 12 }, (_, i) => addMonths(first, -i).slice(0, 7));
}

/**
 * The monthly returns to a maker (seed 001's six forms): choose the maker and month, see the
 * figures, print the pack (numbered and archived) or save the workbook, and record it sent.
 */
export function ReturnsTab() {
  const { t } = useTranslation();
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.screen.${key}`, params ?? {});
  const makers = useApiQuery('makers:list', {});
  const months = recentMonths();
  const [makerId, setMakerId] = useState<string | null>(null);
  // Last month by default: the one whose returns are due this month.
  const [month, setMonth] = useState(months[1]!);
  const chosen = makerId ?? (makers.data?.[0] ? String(makers.data[0].id) : null);
  const pack = useApiQuery('makerReturns:pack', { makerId: Number(chosen), month }, { enabled: chosen !== null });
  const records = useApiQuery('makerReturns:list', {});
  return (
    <Stack gap="sm">
      <Group align="end" gap="sm">
        <Select
          label={k('maker')}
          w={420}
          data={(makers.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
          value={chosen}
          onChange={setMakerId}
          allowDeselect={false}
          data-testid="returns-maker"
        />
        <Select label={k('month')} w={140} data={months} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} data-testid="returns-month" />
      </Group>
      {makers.data && makers.data.length === 0 && <Text c="dimmed">{k('noMakers')}</Text>}
      <QueryState isPending={chosen !== null && pack.isPending} error={pack.error} />
      {pack.data && chosen && <PackCard pack={pack.data} record={records.data?.find((r) => r.makerId === Number(chosen) && r.month === month) ?? null} />}
      <Records records={records.data ?? []} />
    </Stack>
  );
}

function PackCard({ pack, record }: { pack: MakerReturnsPack; record: MakerReturnsRecord | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.screen.${key}`, params ?? {});
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const [sentOn, setSentOn] = useState(todayIso());
  const [sentHow, setSentHow] = useState('');
  const print = useApiMutation('documents:makerReturns');
  const save = useApiMutation('makerReturns:export');
  const sent = useApiMutation('makerReturns:markSent');
  const input = { makerId: pack.maker.id, month: pack.month };
  const s = pack.satisfaction;
  const figures: [string, string][] = [
    [t('makerReturns.forms.partsReplaced'), k('figures.parts', { lines: pack.partsReplaced.rows.length, quantity: pack.partsReplaced.quantity, warranty: pack.partsReplaced.warrantyQuantity })],
    [t('makerReturns.forms.repairMonthly'), k('figures.repairs', { count: pack.repairs.total })],
    [t('makerReturns.forms.satisfaction'), k('figures.satisfaction', { count: s.callbacks, average: s.averageX100 === null ? '—' : (s.averageX100 / 100).toFixed(2) })],
    [t('makerReturns.forms.opinions'), k('figures.opinions', { complaints: pack.complaints.count, comments: s.comments.length })],
    [t('makerReturns.forms.sales'), k('figures.sales', { units: pack.sales.units, amount: formatMoney(pack.sales.amountFen, lang) })],
    [t('makerReturns.forms.returnSlips'), k('figures.slips', { count: pack.slips.length })],
  ];
  const wanted = new Set<string>(pack.forms);
  const formKeys = ['partsReplaced', 'repairMonthly', 'satisfaction', 'opinions', 'sales', 'returnSlips'];
  return (
    <Paper withBorder p="sm" data-testid="returns-pack">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{k('heading', { maker: pack.maker.name, month: pack.month })}</Text>
        <Group gap="xs">
          {pack.provisional && (
            <Badge color="orange" variant="light">
              {k('provisional', { day: pack.asOf })}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {k('due', { day: pack.dueOn })}
          </Text>
        </Group>
      </Group>
      <SimpleGrid cols={3} spacing="xs" mb="sm">
        {figures
          .filter((_, i) => wanted.has(formKeys[i]!))
          .map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={500}>
                {value}
              </Text>
            </div>
          ))}
      </SimpleGrid>
      <Group align="end" gap="xs" mb="xs">
        <Select label={k('paper')} w={90} data={[...CARD_PAPERS]} value={paper} onChange={(v) => v && setPaper(v as PaperSize)} allowDeselect={false} />
        <Select label={k('language')} w={120} data={LANGUAGES.map((l) => ({ value: l, label: t(`makerReturns.screen.languages.${l}`) }))} value={language} onChange={(v) => v && setLanguage(v as Language)} allowDeselect={false} />
        <Button loading={print.isPending} onClick={() => print.mutate({ ...input, paper, language }, { onSuccess: (d) => setDoc(d as GeneratedDocument), onError: (e) => notifyError(t, e) })} data-testid="returns-print">
          {k('print')}
        </Button>
        <Button
          variant="default"
          loading={save.isPending}
          onClick={() => save.mutate({ ...input, language }, { onSuccess: (r) => r.savedTo && notifyDone(k('saved', { path: r.savedTo })), onError: (e) => notifyError(t, e) })}
          data-testid="returns-export"
        >
          {k('export')}
        </Button>
      </Group>
      {record?.sentOn ? (
        <Text size="sm" data-testid="returns-sent">
          {k('sentOn', { number: record.number, day: record.sentOn, how: record.sentHow ?? '' })}
        </Text>
      ) : (
        <Group align="end" gap="xs">
          <DateField label={k('sentDay')} w={160} value={sentOn} onChange={(d) => d && setSentOn(d)} max={todayIso()} />
          <TextInput label={k('sentHow')} w={240} placeholder={k('sentHowHint')} value={sentHow} onChange={(e) => setSentHow(e.currentTarget.value)} />
          <Button variant="light" loading={sent.isPending} onClick={() => sent.mutate({ ...input, sentOn, sentHow }, { onSuccess: () => notifyDone(k('markedSent')), onError: (e) => notifyError(t, e) })} data-testid="returns-mark-sent">
            {k('markSent')}
          </Button>
        </Group>
      )}
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
    </Paper>
  );
}

function Records({ records }: { records: MakerReturnsRecord[] }) {
  const { t } = useTranslation();
  const k = (key: string, params?: Record<string, unknown>) => t(`makerReturns.screen.${key}`, params ?? {});
  if (records.length === 0) return null;
  return (
    <Table striped data-testid="returns-table">
      <Table.Thead>
        <Table.Tr>
          {['month', 'maker', 'number', 'due', 'state'].map((c) => (
            <Table.Th key={c}>{k(`columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.month}</Table.Td>
            <Table.Td>{r.makerName}</Table.Td>
            <Table.Td>{r.number ?? '—'}</Table.Td>
            <Table.Td>{r.dueOn}</Table.Td>
            <Table.Td>
              {r.sentOn ? (
                <Badge color="green" variant="light">
                  {k('state.sent', { day: r.sentOn })}
                </Badge>
              ) : r.provisional ? (
                <Badge color="orange" variant="light">
                  {k('state.provisional')}
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  {k('state.issued', { day: r.issuedOn ?? '' })}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
