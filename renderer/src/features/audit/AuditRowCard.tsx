import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { readValue } from '../../../../shared/domain/audit-values';
import type { RowEntry } from '../../../../shared/domain/audit-rows';
import type { TicketEvent } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { eventDetail, eventText } from '../tickets';
import { useAuditLabels } from './audit-labels';

const OP_COLOR: Record<RowEntry['op'], string> = { insert: 'teal', update: 'blue', replaced: 'blue', delete: 'red' };
const wrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** `table:id` → the name of each record a row refers to, from the detail. */
export type RecordNamesMap = Record<string, string | null>;

/** One stored value, readable: another record by its name, codes in words, — for nothing. */
function Value({ entry, column, value, names }: { entry: RowEntry; column: string; value: unknown; names: RecordNamesMap }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const ref = entry.refs[column];
  if (ref && (typeof value === 'number' || (typeof value === 'string' && value !== ''))) {
    return <span style={wrap}>{labels.record({ table: ref, label: names[`${ref}:${value}`] ?? null })}</span>;
  }
  const shown = readValue(labels.words, entry.table, column, value, entry.rowId);
  switch (shown.kind) {
    case 'empty':
      return <Text span c="dimmed">{t('audit.values.empty')}</Text>;
    case 'masked':
      return <Text span c="dimmed">{t('audit.values.masked')}</Text>;
    case 'lines':
      return (
        <div style={{ maxHeight: 180, overflow: 'auto' }}>
          {shown.lines.map((line, i) => (
            <div key={i} style={wrap}>
              {line}
            </div>
          ))}
        </div>
      );
    case 'text':
      return <span style={wrap}>{shown.text}</span>;
  }
}

function FieldsTable({ entry, names }: { entry: RowEntry; names: RecordNamesMap }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const both = entry.op === 'update' || entry.op === 'replaced';
  if (entry.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {entry.op === 'replaced' ? t('audit.detail.unchanged') : t('audit.detail.noChangedFields')}
      </Text>
    );
  }
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" layout="fixed" data-testid="audit-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={140}>{t('audit.detail.field')}</Table.Th>
          {both ? (
            <>
              <Table.Th>{t('audit.detail.before')}</Table.Th>
              <Table.Th w={28} aria-hidden />
              <Table.Th>{t('audit.detail.after')}</Table.Th>
            </>
          ) : (
            <Table.Th>{t('audit.detail.value')}</Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.fields.map((f) => (
          <Table.Tr key={f.column} data-field={f.column}>
            <Table.Td>{labels.field(f.column)}</Table.Td>
            {both ? (
              <>
                <Table.Td data-side="before" c="dimmed">
                  <Value entry={entry} column={f.column} value={f.before} names={names} />
                </Table.Td>
                <Table.Td px={4} ta="center" aria-hidden>
                  <IconArrowRight size={14} color="var(--mantine-color-dimmed)" />
                </Table.Td>
                <Table.Td data-side="after">
                  <Value entry={entry} column={f.column} value={f.after} names={names} />
                </Table.Td>
              </>
            ) : (
              <Table.Td data-side={entry.op === 'delete' ? 'before' : 'after'}>
                <Value entry={entry} column={f.column} value={entry.op === 'delete' ? f.before : f.after} names={names} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A ticket's event as the ticket's own timeline says it ("派给：李师傅"), not as its columns. */
function asTicketEvent(entry: RowEntry): TicketEvent | null {
  const v = entry.values;
  if (entry.table !== 'ticket_events' || !v || typeof v.kind !== 'string' || typeof v.at !== 'number') return null;
  let data: Record<string, unknown> | null = null;
  if (typeof v.data === 'string') {
    try {
      data = JSON.parse(v.data) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return {
    id: 0,
    at: v.at,
    who: typeof v.who === 'string' ? v.who : '',
    kind: v.kind as TicketEvent['kind'],
    from: (v.from_status ?? null) as TicketEvent['from'],
    to: (v.to_status ?? null) as TicketEvent['to'],
    data,
    // Rows from before 0110 have no entry time: they were entered when they happened.
    enteredAt: typeof v.entered_at === 'number' ? v.entered_at : v.at,
  };
}

function EventSentence({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const detail = eventDetail(t, lang, event);
  return (
    <div data-testid="audit-event">
      <Text size="sm">{eventText(t, lang, event)}</Text>
      {detail && (
        <Text size="sm" c="dimmed" style={wrap}>
          {detail}
        </Text>
      )}
    </div>
  );
}

/** One record a change touched: what it is, by name, then before → after. */
export function AuditRowCard({ entry, names, onHistory }: { entry: RowEntry; names: RecordNamesMap; onHistory: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const op = entry.op === 'replaced' ? 'update' : entry.op;
  const event = asTicketEvent(entry);
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="audit-row" data-table={entry.table} data-op={entry.op}>
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {labels.table(entry.table)}
          </Text>
          <Text fw={600} size="sm" lineClamp={2} data-testid="audit-row-label">
            {labels.record({ table: entry.table, label: entry.label })}
          </Text>
          <Badge size="sm" radius="sm" tt="none" variant="light" color={OP_COLOR[entry.op]}>
            {t(`audit.ops.${op}`)}
          </Badge>
        </Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconHistory size={14} />} onClick={onHistory} style={{ flexShrink: 0 }}>
          {t('audit.detail.history')}
        </Button>
      </Group>
      {event ? <EventSentence event={event} /> : <FieldsTable entry={entry} names={names} />}
      {!event && entry.hiddenEmpty > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('audit.detail.hiddenEmpty', { count: entry.hiddenEmpty })}
        </Text>
      )}
    </Paper>
  );
}
