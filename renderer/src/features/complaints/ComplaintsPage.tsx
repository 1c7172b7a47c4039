import { Anchor, Badge, Button, EmptyState, Group, Kbd, SegmentedControl, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconMessageReport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { Complaint } from '../../../../shared/schemas/service';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { FILL_CELL, TwoLines } from '../../ui/OneLine';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ComplaintDrawer } from './ComplaintDrawer';
import { DeadlineCell } from './DeadlineCell';
import { NewComplaintModal } from './NewComplaintModal';

const nowrap = { whiteSpace: 'nowrap' } as const;
type Scope = 'open' | 'all';


/**
 * The answer the complaint owes next: the first answer (1 hour) until it is given, then the
 * reply (2 working days). One column for both: a third deadline column does not fit 1366 px at
 * 125% scaling. Complaints from before the reply promise show the first answer only.
 */
function AnswerCell({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const reply = c.answeredAt !== null && c.replyState !== null && c.replyDue !== null;
  return (
    <div data-answer={reply ? 'reply' : 'ack'}>
      <Text size="xs" c="dimmed">
        {reply ? t('hours.complaint.reply') : t('service.complaints.columns.answer')}
      </Text>
      {reply ? <DeadlineCell state={c.replyState!} due={c.replyDue!} doneAt={c.repliedAt} /> : <DeadlineCell state={c.answerState} due={c.answerDue} doneAt={c.answeredAt} />}
    </div>
  );
}

function ComplaintRow({ c, onOpen }: { c: Complaint; onOpen: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table.Tr tabIndex={0} style={{ cursor: 'pointer' }} c={c.closedAt ? 'dimmed' : undefined} onClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
      <Table.Td style={nowrap}>
        <Group gap={6} wrap="nowrap">
          {c.number}
          {c.closedAt !== null && (
            <Badge size="xs" radius="sm" tt="none" variant="outline" color="gray">
              {t('service.complaints.closed')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td style={nowrap}>{formatDateTime(c.receivedAt, lang)}</Table.Td>
      <Table.Td style={FILL_CELL}>{c.customerName ? <TwoLines text={c.customerName} /> : t('app.common.none')}</Table.Td>
      <Table.Td style={nowrap}>
        {c.ticketId !== null ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={(e) => {
              e.stopPropagation();
              navigate({ section: 'ticket', id: c.ticketId! });
            }}
          >
            {c.ticketNumber}
          </Anchor>
        ) : (
          t('app.common.none')
        )}
      </Table.Td>
      <Table.Td style={nowrap}>{t(`service.channel.${c.channel}`)}</Table.Td>
      <Table.Td style={FILL_CELL}>
        <TwoLines text={c.content} />
      </Table.Td>
      <Table.Td style={nowrap}>{c.handler ?? t('app.common.none')}</Table.Td>
      <Table.Td>
        <AnswerCell c={c} />
      </Table.Td>
      <Table.Td>
        <DeadlineCell state={c.resolveState} due={c.resolveDue} doneAt={c.resolvedAt} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Complaints still owed an answer or a resolution, the most pressing first. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('open');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useApiQuery('complaints:list', { openOnly: scope === 'open', limit: 500 }, { placeholderData: (previous) => previous });
  const rows = list.data ?? [];
  useHotkeys([['mod+shift+N', () => setCreating(true)]], []);

  return (
    <>
      <PageHeader title={t('service.complaints.title')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('service.complaints.new')}
          <Kbd ml={8} size="xs">
            {t('app.keys.newHere')}
          </Kbd>
        </Button>
      </PageHeader>
      <Group mb="sm" gap="sm">
        <SegmentedControl
          aria-label={t('service.complaints.scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            { value: 'open', label: t('service.complaints.scopeOpen') },
            { value: 'all', label: t('service.complaints.scopeAll') },
          ]}
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconMessageReport size={28} />}
          withIndicatorBackground
          title={t(scope === 'open' ? 'service.complaints.emptyOpen.title' : 'service.complaints.empty.title')}
          description={t(scope === 'open' ? 'service.complaints.emptyOpen.description' : 'service.complaints.empty.description')}
        >
          <EmptyState.Actions>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('service.complaints.new')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder stickyHeader data-testid="complaints-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={nowrap}>{t('service.complaints.columns.number')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.received')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.customer')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.ticket')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.channel')}</Table.Th>
                <Table.Th>{t('service.complaints.columns.content')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.handler')}</Table.Th>
                <Table.Th style={nowrap}>{t('hours.complaint.answerColumn')}</Table.Th>
                <Table.Th style={nowrap}>{t('service.complaints.columns.resolve')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <ComplaintRow key={c.id} c={c} onOpen={() => setOpenId(c.id)} />
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6} data-testid="complaints-total">
            {t('service.complaints.count', { count: rows.length })}
          </Text>
        </>
      )}
      <NewComplaintModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setOpenId(c.id);
        }}
      />
      <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
