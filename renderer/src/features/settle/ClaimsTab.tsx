import { Badge, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { formatMoney } from '../../../../shared/format';
import { CLAIM_MAX_LINES, type Claim, type ClaimCandidate, type ClaimLine } from '../../../../shared/schemas/settle';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { DateField } from '../../ui/DateField';
import { QueryState } from '../../ui/QueryState';
import { usePaper } from './usePaper';

const STATUS_COLOR = { notSent: 'orange', waiting: 'blue', checked: 'green' } as const;
/** Numbers, days and short headings stay on one line; the part and the fault take the wrapping. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Warranty parts claims to the maker: gather, send with a waybill, the maker's check, parts in, old parts out. */
export function ClaimsTab() {
  const { t } = useTranslation();
  const makers = useApiQuery('makers:list', {});
  const claims = useApiQuery('claims:list', {});
  const create = useApiMutation('claims:create');
  const [makerId, setMakerId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const lang = currentLanguage();
  // The days the parts were fitted in (a month's claim, or the years a new desk never claimed).
  const [fittedFrom, setFittedFrom] = useState<string | null>(null);
  const [fittedTo, setFittedTo] = useState<string | null>(null);
  const candidates = useApiQuery(
    'claims:candidates',
    { makerId: Number(makerId), ...(fittedFrom ? { fittedFrom } : {}), ...(fittedTo ? { fittedTo } : {}) },
    { enabled: makerId !== null },
  );
  // The parts left out of the next claim, chosen one by one; every candidate goes in unless unticked.
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const offered = candidates.data?.candidates ?? [];
  const chosen = offered.filter((c) => !excluded.has(c.ticketPartId));
  const within = (set: (day: string | null) => void) => (day: string | null) => (set(day), setExcluded(new Set()));
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <Select
          label={t('settle.screen.claims.maker')}
          data={(makers.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
          value={makerId}
          onChange={(v) => (setMakerId(v), setExcluded(new Set()))}
          w={420}
          data-testid="claim-maker"
        />
        <DateField label={t('settle.screen.claims.fittedFrom')} w={150} value={fittedFrom} onChange={within(setFittedFrom)} max={fittedTo ?? undefined} clearable data-testid="claim-fitted-from" />
        <DateField label={t('settle.screen.claims.fittedTo')} w={150} value={fittedTo} onChange={within(setFittedTo)} min={fittedFrom ?? undefined} clearable data-testid="claim-fitted-to" />
        <Button
          disabled={makerId === null || chosen.length === 0}
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { makerId: Number(makerId), ticketPartIds: chosen.map((c) => c.ticketPartId) },
              {
                onSuccess: (c) => (notifyDone(t('settle.screen.claims.created', { number: c.number, count: c.lines.length })), setExcluded(new Set()), setOpenId(c.id)),
                onError: (e) => notifyError(t, e),
              },
            )
          }
        >
          {t('settle.screen.claims.create', { count: chosen.length })}
        </Button>
      </Group>
      {candidates.error && (
        <Text size="sm" c="red.8">
          {errorText(t, candidates.error)}
        </Text>
      )}
      {candidates.data && candidates.data.total > offered.length && (
        <Text size="sm" data-testid="claim-more">
          {t('settle.screen.claims.oldestFirst', { total: candidates.data.total, max: CLAIM_MAX_LINES })}
        </Text>
      )}
      {offered.length > 0 && <CandidatePicker candidates={offered} excluded={excluded} onChange={setExcluded} />}
      <QueryState isPending={claims.isPending} error={claims.error} />
      {claims.data && claims.data.length === 0 && <Text c="dimmed">{t('settle.screen.claims.empty')}</Text>}
      {claims.data && claims.data.length > 0 && (
        <Table striped highlightOnHover data-testid="claims-table">
          <Table.Thead>
            <Table.Tr>
              {['number', 'maker', 'status', 'created', 'sent', 'waybill', 'lines', 'postage'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.claims.columns.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.data.map((c) => (
              <Table.Tr key={c.id} onClick={() => setOpenId(c.id)} style={{ cursor: 'pointer' }}>
                <Table.Td fw={500}>{c.number}</Table.Td>
                <Table.Td>{c.makerName}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[c.status]} variant="light">
                    {t(`settle.screen.claims.status.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.createdOn}</Table.Td>
                <Table.Td>{c.sentOn ?? '—'}</Table.Td>
                <Table.Td>{c.waybill ?? '—'}</Table.Td>
                <Table.Td>{c.lines.length}</Table.Td>
                <Table.Td>{formatMoney(c.postageFen, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {openId !== null && <ClaimModal claim={claims.data?.find((c) => c.id === openId) ?? null} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

function ClaimModal({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useApiMutation('claims:send');
  const paper = usePaper('documents:claimForm');
  const [waybill, setWaybill] = useState('');
  if (!claim) return null;
  const today = todayIso();
  return (
    <Modal opened onClose={onClose} size={1240} title={t('settle.screen.claims.title', { number: claim.number, maker: claim.makerName })}>
      <Stack gap="sm">
        {claim.sentOn === null && (
          <Group gap="xs" align="flex-end">
            <TextInput label={t('settle.screen.claims.waybill')} value={waybill} onChange={(e) => setWaybill(e.currentTarget.value)} data-testid="claim-waybill" data-autofocus />
            <Button
              loading={send.isPending}
              onClick={() => send.mutate({ id: claim.id, waybill, sentOn: today }, { onSuccess: () => notifyDone(t('settle.screen.claims.sent')), onError: (e) => notifyError(t, e) })}
            >
              {t('settle.screen.claims.send')}
            </Button>
          </Group>
        )}
        <Group justify="space-between" align="center">
          <Text size="sm">{claim.sentOn ? t('settle.screen.claims.sentOn', { day: claim.sentOn, waybill: claim.waybill }) : ''}</Text>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={paper.pending} onClick={() => paper.print({ id: claim.id })} data-testid="claim-print">
            {t('settle.screen.claims.print')}
          </Button>
        </Group>
        <Table data-testid="claim-lines">
          <Table.Thead>
            <Table.Tr>
              {['ticket', 'serial', 'part', 'quantity', 'fault', 'fitted', 'decision', 'received', 'oldPart'].map((k) => (
                <Table.Th key={k} style={NOWRAP}>
                  {t(`settle.screen.claims.lineColumns.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claim.lines.map((l) => (
              <LineRow key={l.id} claim={claim} line={l} today={today} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {paper.preview}
    </Modal>
  );
}

function LineRow({ claim, line, today }: { claim: Claim; line: ClaimLine; today: string }) {
  const { t } = useTranslation();
  const check = useApiMutation('claims:check');
  const receive = useApiMutation('claims:receive');
  const oldPart = useApiMutation('claims:oldPart');
  const [reason, setReason] = useState('');
  const [oldWaybill, setOldWaybill] = useState('');
  const fail = { onError: (e: unknown) => notifyError(t, e) };
  const decide = (decision: 'accepted' | 'rejected') => check.mutate({ id: claim.id, checkedOn: today, lines: [{ lineId: line.id, decision, reason: decision === 'rejected' ? reason : null }] }, fail);
  return (
    <Table.Tr data-testid={`claim-line-${line.id}`}>
      <Table.Td style={NOWRAP}>{line.ticketNumber}</Table.Td>
      <Table.Td style={NOWRAP}>{line.serial}</Table.Td>
      <Table.Td miw={160}>
        <Text size="sm" lineClamp={2} title={`${line.partNumber} ${line.partName}`}>
          {line.partNumber} {line.partName}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{line.quantity}</Table.Td>
      <Table.Td miw={140} maw={200}>
        <Text size="sm" lineClamp={2} title={line.fault}>
          {line.fault}
        </Text>
      </Table.Td>
      <Table.Td style={NOWRAP}>{line.fittedOn}</Table.Td>
      <Table.Td>
        {line.decision ? (
          <Badge color={line.decision === 'accepted' ? 'green' : 'red'} variant="light">
            {t(`settle.screen.claims.decision.${line.decision}`)}
            {line.rejectReason ? `：${line.rejectReason}` : ''}
          </Badge>
        ) : claim.sentOn ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" color="green" variant="light" onClick={() => decide('accepted')}>
              {t('settle.screen.claims.accept')}
            </Button>
            <TextInput size="xs" w={120} placeholder={t('settle.screen.claims.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="compact-xs" color="red" variant="light" onClick={() => decide('rejected')}>
              {t('settle.screen.claims.reject')}
            </Button>
          </Group>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td style={NOWRAP}>
        {line.receivedQuantity}/{line.quantity}
        {line.decision === 'accepted' && line.receivedQuantity < line.quantity && (
          <Button ml={6} size="compact-xs" variant="light" onClick={() => receive.mutate({ id: claim.id, receivedOn: today, lines: [{ lineId: line.id, quantity: line.quantity - line.receivedQuantity }] }, fail)}>
            {t('settle.screen.claims.receive')}
          </Button>
        )}
      </Table.Td>
      <Table.Td>
        {line.oldPart !== 'pending' ? (
          t(`settle.screen.claims.old.${line.oldPart}`) + (line.oldWaybill ? ` · ${line.oldWaybill}` : '')
        ) : (
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" w={110} placeholder={t('settle.screen.claims.waybill')} value={oldWaybill} onChange={(e) => setOldWaybill(e.currentTarget.value)} />
            {(['returned', 'kept', 'scrapped'] as const).map((fate) => (
              <Button key={fate} size="compact-xs" variant="default" onClick={() => oldPart.mutate({ lineId: line.id, fate, on: today, waybill: fate === 'returned' ? oldWaybill : null }, fail)}>
                {t(`settle.screen.claims.oldAction.${fate}`)}
              </Button>
            ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** At most this many candidates listed to tick; the rest go into the claim unless the list is narrowed first. */
const PICK_LIMIT = 200;

/** The parts a claim may take, each ticked in or out; the header box takes or leaves them all. */
function CandidatePicker({ candidates, excluded, onChange }: { candidates: ClaimCandidate[]; excluded: Set<number>; onChange: (next: Set<number>) => void }) {
  const { t } = useTranslation();
  const all = candidates.every((c) => !excluded.has(c.ticketPartId));
  const none = candidates.every((c) => excluded.has(c.ticketPartId));
  const toggle = (id: number) => {
    const next = new Set(excluded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Table striped data-testid="claim-candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('makerReturns.screen.pick.all')}
                checked={all}
                indeterminate={!all && !none}
                onChange={() => onChange(all ? new Set(candidates.map((c) => c.ticketPartId)) : new Set())}
              />
            </Table.Th>
            {['ticket', 'serial', 'part', 'quantity', 'fitted', 'fault'].map((k) => (
              <Table.Th key={k}>{t(`settle.screen.claims.lineColumns.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.slice(0, PICK_LIMIT).map((c) => (
            <Table.Tr key={c.ticketPartId}>
              <Table.Td>
                <Checkbox aria-label={t('makerReturns.screen.pick.one', { part: c.partName, serial: c.serial })} checked={!excluded.has(c.ticketPartId)} onChange={() => toggle(c.ticketPartId)} />
              </Table.Td>
              <Table.Td>{c.ticketNumber}</Table.Td>
              <Table.Td ff="monospace">{c.serial}</Table.Td>
              <Table.Td>
                {c.partNumber} {c.partName}
              </Table.Td>
              <Table.Td>{c.quantity}</Table.Td>
              <Table.Td>{c.fittedOn}</Table.Td>
              <Table.Td maw={260}>{c.fault}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {candidates.length > PICK_LIMIT && (
        <Text size="xs" c="dimmed">
          {t('makerReturns.screen.pick.more', { shown: PICK_LIMIT, total: candidates.length })}
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}
