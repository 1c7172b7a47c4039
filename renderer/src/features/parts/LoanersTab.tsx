import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconDeviceDesktop, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { Loan, Loaner } from '../../../../shared/schemas/resources';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { ActiveDot } from '../../ui/ActiveDot';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { errorText } from '../../lib/errorText';
import { notifyDone } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { LoanerFormModal } from './LoanerFormModal';

const nowrap = { whiteSpace: 'nowrap' } as const;
const OVERDUE_ROW = { backgroundColor: 'var(--mantine-color-red-0)' } as const;

function TicketLink({ id, number }: { id: number; number: string }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => navigate({ section: 'ticket', id })}>
      {number}
    </Anchor>
  );
}

function LoanerState({ loaner }: { loaner: Loaner }) {
  const { t } = useTranslation();
  if (loaner.outOn) {
    return (
      <Badge tt="none" variant="light" color="blue" size="sm" radius="sm">
        {t('stock.loaners.outOn', { number: loaner.outOn.ticketNumber })}
      </Badge>
    );
  }
  return <ActiveDot active={loaner.active} label={t(loaner.active ? 'stock.loaners.available' : 'stock.state.inactive')} />;
}

const LOANER_COLUMNS: Column<Loaner>[] = [
  { key: 'name', header: 'stock.loaners.columns.name', cell: (l) => l.name, fw: 500 },
  { key: 'model', header: 'stock.loaners.columns.model', cell: (l) => l.model ?? '', nowrap: true },
  { key: 'serial', header: 'stock.loaners.columns.serial', cell: (l) => l.serial ?? '', nowrap: true, mono: true },
  { key: 'note', header: 'stock.loaners.columns.note', cell: (l) => l.note ?? '' },
  { key: 'state', header: 'stock.loaners.columns.state', cell: (l) => <LoanerState loaner={l} />, w: 170, nowrap: true },
];

function LoanersSection() {
  const { t } = useTranslation();
  const list = useApiQuery('loaners:list', {});
  const [editing, setEditing] = useState<{ item: Loaner | null } | null>(null);
  return (
    <section aria-labelledby="loaners-title">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <IconDeviceDesktop size={18} stroke={1.6} />
          <Title id="loaners-title" order={3} fz="md" fw={600}>
            {t('stock.loaners.title')}
          </Title>
        </Group>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ item: null })}>
          {t('stock.loaners.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && (
        <EntityTable
          testId="loaners-table"
          columns={LOANER_COLUMNS}
          rows={list.data}
          rowKey={(l) => l.id}
          rowProps={(l) => ({ c: l.active ? undefined : 'dimmed' })}
          edit={{ open: (l) => setEditing({ item: l }), name: (l) => l.name }}
          empty={{ icon: IconDeviceDesktop, title: t('stock.loaners.empty.title'), description: t('stock.loaners.empty.description') }}
          count={t('stock.loaners.count', { count: list.data.length })}
        />
      )}
      <LoanerFormModal opened={editing !== null} loaner={editing?.item ?? null} onClose={() => setEditing(null)} />
    </section>
  );
}

function ReturnDialog({ loan, onClose }: { loan: Loan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const giveBack = useApiMutation('loans:return');
  const none = loan?.loanerId === null;
  const close = () => {
    giveBack.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={loan !== null}
      title={t(none ? 'stock.loans.closeTitle' : 'stock.loans.returnTitle')}
      confirmLabel={t(none ? 'stock.loans.close' : 'stock.loans.return')}
      color="blue"
      loading={giveBack.isPending}
      error={giveBack.error ? errorText(t, giveBack.error) : null}
      onClose={close}
      onConfirm={() =>
        loan &&
        giveBack.mutate(
          { id: loan.id },
          {
            onSuccess: (done) => {
              notifyDone(none ? t('stock.loans.closed', { number: done.ticketNumber }) : t('stock.loans.returned', { name: done.loanerName ?? '' }));
              close();
            },
          },
        )
      }
    >
      {loan && (none ? t('stock.loans.closeText', { number: loan.ticketNumber }) : t('stock.loans.returnText', { name: loan.loanerName ?? '', number: loan.ticketNumber }))}
    </ConfirmModal>
  );
}

function LoansSection() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [showReturned, setShowReturned] = useState(false);
  const list = useApiQuery('loans:list', { openOnly: !showReturned }, { placeholderData: (previous) => previous });
  const [returning, setReturning] = useState<Loan | null>(null);
  const none = t('app.common.none');
  return (
    <section aria-labelledby="loans-title">
      <Group justify="space-between" mb="xs">
        <Title id="loans-title" order={3} fz="md" fw={600}>
          {t('stock.loans.title')}
        </Title>
        <Switch size="sm" label={t('stock.loans.showReturned')} checked={showReturned} onChange={(e) => setShowReturned(e.currentTarget.checked)} />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && list.data.length === 0 && (
        <Text size="sm" c="dimmed" py="xs">
          {t(showReturned ? 'stock.loans.emptyAll' : 'stock.loans.empty')}
        </Text>
      )}
      {list.isSuccess && list.data.length > 0 && (
        <Table striped withTableBorder data-testid="loans-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('stock.loans.columns.ticket')}</Table.Th>
              <Table.Th>{t('stock.loans.columns.customer')}</Table.Th>
              <Table.Th>{t('stock.loans.columns.loaner')}</Table.Th>
              <Table.Th w={140}>{t('stock.loans.columns.issuedAt')}</Table.Th>
              <Table.Th w={120}>{t('stock.loans.columns.expectedReturn')}</Table.Th>
              <Table.Th>{t('stock.loans.columns.receivedUnit')}</Table.Th>
              <Table.Th w={140}>{showReturned ? t('stock.loans.columns.returnedAt') : t('stock.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((loan) => (
              <Table.Tr key={loan.id} style={loan.overdue ? OVERDUE_ROW : undefined} data-overdue={loan.overdue || undefined}>
                <Table.Td style={nowrap}>
                  <TicketLink id={loan.ticketId} number={loan.ticketNumber} />
                </Table.Td>
                <Table.Td>{loan.customerName}</Table.Td>
                <Table.Td>
                  {loan.loanerName ?? (
                    <Badge tt="none" color="orange" variant="light" size="sm" radius="sm">
                      {t('stock.loans.none')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={nowrap}>{formatDateTime(loan.issuedAt, lang)}</Table.Td>
                <Table.Td style={nowrap}>
                  {loan.expectedReturn ? formatDate(loan.expectedReturn, lang) : none}
                  {loan.overdue && (
                    <Badge tt="none" ml={6} color="red" size="xs" radius="sm">
                      {t('stock.loans.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {[loan.receivedUnit, loan.note].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>
                  {loan.returnedAt !== null ? (
                    formatDateTime(loan.returnedAt, lang)
                  ) : (
                    <Button size="compact-sm" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => setReturning(loan)}>
                      {t(loan.loanerId === null ? 'stock.loans.close' : 'stock.loans.return')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ReturnDialog loan={returning} onClose={() => setReturning(null)} />
    </section>
  );
}

/** The loaner pool and what is out with customers now; overdue loans stand out. */
export function LoanersTab() {
  return (
    <Stack gap="xl">
      <LoansSection />
      <LoanersSection />
    </Stack>
  );
}
