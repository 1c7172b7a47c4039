import { Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCRAP_KINDS } from '../../../../shared/schemas/settle';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';
import { QueryState } from '../../ui/QueryState';
import { usePaper } from './usePaper';

type Kind = (typeof SCRAP_KINDS)[number];

/** Scrapping records: a stock part, a loaner or a customer's unit written off, approved with the admin PIN. */
export function ScrapTab() {
  const { t } = useTranslation();
  const records = useApiQuery('scrapping:list', {});
  const paper = usePaper('documents:scrapRecord');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => setAdding(true)} data-testid="scrap-new">
          {t('settle.screen.scrap.new')}
        </Button>
      </Group>
      <QueryState isPending={records.isPending} error={records.error} />
      {records.data && records.data.length === 0 && <Text c="dimmed">{t('settle.screen.scrap.empty')}</Text>}
      {records.data && records.data.length > 0 && (
        <Table striped data-testid="scrap-table">
          <Table.Thead>
            <Table.Tr>
              {['number', 'date', 'kind', 'what', 'quantity', 'reason', 'disposal', 'approvedBy'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.scrap.columns.${k}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td fw={500}>{r.number}</Table.Td>
                <Table.Td>{r.scrappedOn}</Table.Td>
                <Table.Td>{t(`settle.print.scrap.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{r.what}</Table.Td>
                <Table.Td>{r.quantity}</Table.Td>
                <Table.Td maw={200}>{r.reason}</Table.Td>
                <Table.Td maw={200}>{r.disposal}</Table.Td>
                <Table.Td>{r.approvedBy}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" onClick={() => paper.print({ id: r.id })}>
                    {t('settle.screen.print')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <ScrapModal onClose={() => setAdding(false)} onDone={(id) => paper.print({ id })} />}
      {paper.preview}
    </Stack>
  );
}

function ScrapModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('part');
  const [item, setItem] = useState<string | null>(null);
  const [serial, setSerial] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [text, setText] = useState({ reason: '', assessment: '', disposal: '', approvedBy: '' });
  const parts = useApiQuery('parts:list', { query: '' }, { enabled: kind === 'part' });
  const loaners = useApiQuery('loaners:list', {}, { enabled: kind === 'loaner' });
  const units = useApiQuery('units:findBySerial', { serial }, { enabled: kind === 'unit' && serial.trim().length > 2 });
  const [keepLoan, setKeepLoan] = useState<string | null>(null);
  // A loaner out with the customer on this unit's tickets may stay with them for good.
  const loansOut = useApiQuery('scrapping:loansOut', { unitId: Number(item) }, { enabled: kind === 'unit' && item !== null });
  const save = useApiMutation('scrapping:create');
  const options =
    kind === 'part'
      ? (parts.data ?? []).map((p) => ({ value: String(p.id), label: `${p.partNumber} ${p.name}（${p.quantity}）` }))
      : kind === 'loaner'
        ? (loaners.data ?? []).filter((l) => l.active).map((l) => ({ value: String(l.id), label: [l.name, l.serial].filter(Boolean).join(' ') }))
        : (units.data ?? []).map((u) => ({ value: String(u.id), label: `${u.serial} · ${u.customerName}` }));
  const submit = () => {
    const id = Number(item);
    const target = kind === 'part' ? { partId: id, quantity } : kind === 'loaner' ? { loanerId: id } : { unitId: id, keepLoanId: keepLoan === null ? undefined : Number(keepLoan) };
    save.mutate(
      { kind, ...target, ...text },
      { onSuccess: (r) => (notifyDone(t('settle.screen.scrap.done', { number: r.number })), onClose(), onDone(r.id)), onError: (e) => notifyError(t, e) },
    );
  };
  return (
    <FormModal opened onClose={onClose} title={t('settle.screen.scrap.new')} onSubmit={(e) => (e?.preventDefault(), submit())} saving={save.isPending} size={560}>
      <Stack gap="xs">
        <Select
          label={t('settle.screen.scrap.columns.kind')}
          data={SCRAP_KINDS.map((k) => ({ value: k, label: t(`settle.print.scrap.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => (setKind((v as Kind) ?? 'part'), setItem(null))}
          allowDeselect={false}
        />
        {kind === 'unit' && <TextInput label={t('settle.screen.scrap.serial')} value={serial} onChange={(e) => setSerial(e.currentTarget.value)} />}
        <Select label={t('settle.screen.scrap.columns.what')} data={options} value={item} onChange={(v) => (setItem(v), setKeepLoan(null))} searchable data-testid="scrap-item" />
        {kind === 'unit' && loansOut.data && loansOut.data.length > 0 && (
          <Select
            label={t('settle.screen.scrap.keepLoan')}
            description={t('settle.screen.scrap.keepLoanHint')}
            placeholder={t('settle.screen.scrap.keepLoanNone')}
            clearable
            data={loansOut.data.map((l) => ({ value: String(l.loanId), label: t('settle.screen.scrap.keepLoanOption', { loaner: l.loanerName, ticket: l.ticketNumber }) }))}
            value={keepLoan}
            onChange={setKeepLoan}
            data-testid="scrap-keep-loan"
          />
        )}
        {kind === 'part' && <NumberInput label={t('settle.screen.scrap.columns.quantity')} value={quantity} min={1} onChange={(v) => setQuantity(Number(v) || 1)} />}
        <TextInput label={t('settle.screen.scrap.columns.reason')} value={text.reason} onChange={(e) => setText({ ...text, reason: e.currentTarget.value })} data-testid="scrap-reason" />
        <Textarea label={t('settle.screen.scrap.assessment')} value={text.assessment} onChange={(e) => setText({ ...text, assessment: e.currentTarget.value })} data-testid="scrap-assessment" />
        <TextInput label={t('settle.screen.scrap.columns.disposal')} value={text.disposal} onChange={(e) => setText({ ...text, disposal: e.currentTarget.value })} data-testid="scrap-disposal" />
        <TextInput label={t('settle.screen.scrap.columns.approvedBy')} value={text.approvedBy} onChange={(e) => setText({ ...text, approvedBy: e.currentTarget.value })} data-testid="scrap-approver" />
        <Text size="xs" c="dimmed">
          {t('settle.screen.scrap.pinHint')}
        </Text>
      </Stack>
    </FormModal>
  );
}
