import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/client';
import { onNewRepairRequest } from '../search';
import { QueryState } from '../../ui/QueryState';
import { TicketTable, type TicketColumn } from './list-table';
import { NewTicketModal } from './NewTicketModal';
import { Pager } from '../../ui/Pager';

const PAGE_SIZE = 10;

const CUSTOMER_COLUMNS: TicketColumn[] = ['number', 'reported', 'unit', 'fault', 'status', 'technicians', 'deadline'];
const UNIT_COLUMNS: TicketColumn[] = ['number', 'reported', 'fault', 'severity', 'status', 'technicians', 'deadline'];

/**
 * "New repair" for one customer, or one of their units: the button and the form it opens. With
 * `hotkey`, Ctrl+N opens the form too, unless a dialog is already open over the page.
 */
export function NewRepairButton({
  customerId,
  unitId = null,
  hotkey = false,
  disabled = false,
  onOpenChange,
}: {
  customerId: number;
  unitId?: number | null;
  hotkey?: boolean;
  /** An archived customer or a unit that left them: the ticket service would refuse. */
  disabled?: boolean;
  /** The page's own shortcuts (Ctrl+P...) stay quiet while the form is open. */
  onOpenChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [creating, setCreatingState] = useState(false);
  const setCreating = (open: boolean) => {
    setCreatingState(open);
    onOpenChange?.(open);
  };
  // Ctrl+N and the search's "new repair" ask the page; this page answers for its customer or unit.
  const ready = hotkey && !disabled && !creating;
  useEffect(
    () =>
      onNewRepairRequest(() => {
        if (!ready) return false;
        setCreatingState(true);
        onOpenChange?.(true);
        return true;
      }),
    [ready, onOpenChange],
  );
  return (
    <>
      <Button size="xs" leftSection={<IconTool size={14} />} disabled={disabled} onClick={() => setCreating(true)} data-testid="new-repair">
        {t('desk.newRepair')}
        {hotkey && (
          <Kbd ml={8} size="xs">
            {t('app.keys.new')}
          </Kbd>
        )}
      </Button>
      <NewTicketModal opened={creating} onClose={() => setCreating(false)} customerId={customerId} unitId={unitId} />
    </>
  );
}

/** The repairs of one customer or one unit, newest first. */
export function RelatedTickets({ customerId, unitId = null }: { customerId: number; unitId?: number | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const scope = unitId === null ? { customerId } : { unitId };
  const list = useApiQuery(
    'tickets:list',
    { ...scope, scope: 'all', sort: 'reported', direction: 'desc', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const open = useApiQuery('tickets:list', { ...scope, scope: 'open', limit: 1 });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const openCount = open.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="xs" data-testid="related-tickets">
      <Group gap="xs">
        <Title order={3} fz="md" fw={600}>
          {t('desk.related.title')}
        </Title>
        {openCount > 0 && (
          <Badge size="sm" color="blue" variant="light" radius="sm" tt="none">
            {t('desk.related.open', { count: openCount })}
          </Badge>
        )}
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <Paper withBorder px="sm" py={8}>
          <Text size="sm" c="dimmed">
            {t(unitId === null ? 'desk.related.emptyCustomer' : 'desk.related.emptyUnit')}
          </Text>
        </Paper>
      )}
      {rows.length > 0 && (
        <>
          <TicketTable rows={rows} columns={unitId === null ? CUSTOMER_COLUMNS : UNIT_COLUMNS} testId="related-tickets-table" />
          {pages > 1 && (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('desk.list.count', { count: total })}
              </Text>
              <Pager total={pages} value={page} onChange={setPage} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
