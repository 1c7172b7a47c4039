import { Badge, Button, Code, Collapse, Divider, Drawer, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconChevronRight, IconHistory, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../../../shared/schemas/security';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useAuditLabels } from './audit-labels';
import { formatMoment, prettyJson, rowEntries, showValue, type RowEntry } from '../../../../shared/domain/audit-rows';

const OP_COLOR: Record<RowEntry['op'], string> = { insert: 'teal', update: 'blue', replaced: 'blue', delete: 'red' };

/** One stored value, readable: — for nothing, 是/否 for flags, JSON laid out in a small block. */
function Value({ table, column, value }: { table: string; column: string; value: unknown }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const code = typeof value === 'string' ? labels.code(table, column, value) : null;
  if (code !== null) return <span title={String(value)}>{code}</span>;
  const shown = showValue(column, value, currentLanguage());
  switch (shown.kind) {
    case 'empty':
      return <Text span c="dimmed">{t('audit.values.empty')}</Text>;
    case 'masked':
      return <Text span c="dimmed">{t('audit.values.masked')}</Text>;
    case 'flag':
      return <>{t(shown.on ? 'audit.values.yes' : 'audit.values.no')}</>;
    case 'json':
      if (!shown.block) return <Code fz="xs">{shown.text}</Code>;
      return (
        <Code block fz="xs" style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {shown.text}
        </Code>
      );
    case 'text':
      return <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{shown.text}</span>;
  }
}

function FieldsTable({ entry }: { entry: RowEntry }) {
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
          <Table.Th w={130}>{t('audit.detail.field')}</Table.Th>
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
            <Table.Td title={f.column}>{labels.field(f.column)}</Table.Td>
            {both ? (
              <>
                <Table.Td data-side="before" c="dimmed">
                  <Value table={entry.table} column={f.column} value={f.before} />
                </Table.Td>
                <Table.Td px={4} ta="center" aria-hidden>
                  <IconArrowRight size={14} color="var(--mantine-color-dimmed)" />
                </Table.Td>
                <Table.Td data-side="after">
                  <Value table={entry.table} column={f.column} value={f.after} />
                </Table.Td>
              </>
            ) : (
              <Table.Td data-side={entry.op === 'delete' ? 'before' : 'after'}>
                <Value table={entry.table} column={f.column} value={entry.op === 'delete' ? f.before : f.after} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RowCard({ entry, onHistory }: { entry: RowEntry; onHistory: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const op = entry.op === 'replaced' ? 'update' : entry.op;
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="audit-row" data-table={entry.table} data-op={entry.op}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <Text fw={600} size="sm">
            {labels.table(entry.table)}
          </Text>
          <Text size="sm" c="dimmed" ff="monospace">
            {t('audit.detail.rowId', { id: entry.rowId })}
          </Text>
          <Badge size="sm" radius="sm" tt="none" variant="light" color={OP_COLOR[entry.op]}>
            {t(`audit.ops.${op}`)}
          </Badge>
        </Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconHistory size={14} />} onClick={onHistory}>
          {t('audit.detail.history')}
        </Button>
      </Group>
      <FieldsTable entry={entry} />
      {entry.hiddenEmpty > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('audit.detail.hiddenEmpty', { count: entry.hiddenEmpty })}
        </Text>
      )}
    </Paper>
  );
}

/** What the request asked, laid out for whoever supports the desk; folded away by default. */
function RequestBlock({ request }: { request: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t(open ? 'audit.detail.hideRequest' : 'audit.detail.showRequest')}
      </Button>
      <Collapse expanded={open}>
        <Text size="xs" c="dimmed" mt={4}>
          {t('audit.detail.request')}
        </Text>
        <Code block fz="xs" mt={2} style={{ maxHeight: 260, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="audit-request">
          {prettyJson(request) ?? request}
        </Code>
      </Collapse>
    </div>
  );
}

function Facts({ change }: { change: AuditChange }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
      <Field label={t('audit.detail.when')}>{formatMoment(change.at, currentLanguage())}</Field>
      <Field label={t('audit.detail.who')}>{change.operator || t('audit.noOperator')}</Field>
      <Field label={t('audit.detail.action')}>
        {labels.channel(change.channel)}{' '}
        <Text span size="xs" c="dimmed" ff="monospace">
          {change.channel}
        </Text>
      </Field>
      <Field label={t('audit.detail.admin')}>
        {change.elevated ? (
          <Group gap={4} c="orange.8">
            <IconLock size={14} />
            {t('audit.detail.adminYes')}
          </Group>
        ) : (
          t('audit.detail.adminNo')
        )}
      </Field>
      {change.undoneBy && (
        <Field label={t('audit.detail.undone')}>{t('audit.detail.undoneBy', { at: formatMoment(change.undoneBy.at, currentLanguage()) })}</Field>
      )}
    </SimpleGrid>
  );
}

/** One change: who, when, which action, then each record it touched, before → after. Read only. */
export function AuditDetail({ id, onClose, onHistory }: { id: string | null; onClose: () => void; onHistory: (table: string, rowId: string) => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const query = useApiQuery('audit:get', { id: id ?? '' }, { enabled: id !== null, staleTime: Infinity });
  const detail = id !== null && query.data?.change.id === id ? query.data : undefined;
  const entries = detail ? rowEntries(detail.rows) : [];
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={
        <Title order={3} fz="md" fw={600}>
          {detail ? labels.channel(detail.change.channel) : t('audit.detail.title')}
        </Title>
      }
    >
      <QueryState isPending={id !== null && query.isPending} error={query.error} />
      {detail && (
        <Stack gap="sm" data-testid="audit-detail">
          <Facts change={detail.change} />
          <Divider label={t('audit.detail.rows')} labelPosition="left" />
          {entries.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('audit.detail.noRows')}
            </Text>
          )}
          {entries.map((entry, i) => (
            <RowCard key={`${entry.table}:${entry.rowId}:${i}`} entry={entry} onHistory={() => onHistory(entry.table, entry.rowId)} />
          ))}
          <Divider />
          <RequestBlock request={detail.change.request} />
        </Stack>
      )}
    </Drawer>
  );
}
