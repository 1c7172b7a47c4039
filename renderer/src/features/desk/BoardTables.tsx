import { Badge, EmptyState, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatPhone } from '../../../../shared/format';
import { todayIso } from '../../../../shared/domain/dates';
import type { Visit } from '../../../../shared/schemas/maintenance';
import type { Board } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { openTicket, StatusBadge, TicketTable, type TicketColumn } from '../tickets';

export type SectionKey = 'urgent' | 'appointments' | 'callbacks' | 'loans' | 'visits' | 'renewals';

export function sectionId(key: SectionKey): string {
  return `desk-${key}`;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

export function Section({ id, count, title, children }: { id: SectionKey; count: number; title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} id={sectionId(id)} data-testid={sectionId(id)} style={{ scrollMarginTop: 64 }}>
      <Group gap="xs">
        <Title order={3} fz="md" fw={600}>
          {title ?? t(`desk.board.sections.${id}`)}
        </Title>
        {count > 0 && (
          <Badge size="sm" variant="default" radius="sm">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

/** A quiet line where a list is empty: what will show up here, and how. */
export function Quiet({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder px="sm" py={8}>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

/** A row that opens its ticket, by click or Enter. */
function RowLink({ ticketId, children, alert }: { ticketId: number; children: ReactNode; alert?: boolean }) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      bg={alert ? 'var(--mantine-color-red-light)' : undefined}
      data-overdue={alert ? 'true' : undefined}
      onClick={() => openTicket(ticketId)}
      onKeyDown={(e) => e.key === 'Enter' && openTicket(ticketId)}
    >
      {children}
    </Table.Tr>
  );
}

function Head({ columns }: { columns: { key: string; w?: number }[] }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c.key} w={c.w} style={nowrap}>
            {t(`desk.columns.${c.key}`)}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

const URGENT_COLUMNS: TicketColumn[] = ['number', 'reported', 'customer', 'unit', 'fault', 'severity', 'status', 'deadline'];

export function UrgentTickets({ board }: { board: Board }) {
  const { t } = useTranslation();
  const rows = [...board.overdue, ...board.atRisk];
  return (
    <Section id="urgent" count={rows.length}>
      {board.openTickets === 0 ? (
        // Nothing open is a quiet day, or a first day: say what to do, do not celebrate.
        <Quiet>{t('desk.board.empty.nothingOpen')}</Quiet>
      ) : rows.length === 0 ? (
        <Paper withBorder py="sm">
          <EmptyState
            size="sm"
            icon={<IconCircleCheck size={24} />}
            withIndicatorBackground
            title={t('desk.board.empty.urgentTitle')}
            description={t('desk.board.empty.urgentDescription')}
          />
        </Paper>
      ) : (
        <TicketTable rows={rows} columns={URGENT_COLUMNS} testId="desk-urgent-table" />
      )}
    </Section>
  );
}

export function Appointments({ board }: { board: Board }) {
  const { t } = useTranslation();
  const rows = board.appointmentsToday;
  return (
    <Section id="appointments" count={rows.length}>
      {rows.length === 0 ? (
        <Quiet>{t('desk.board.empty.appointments')}</Quiet>
      ) : (
        <Table striped highlightOnHover withTableBorder>
          <Head columns={[{ key: 'time', w: 100 }, { key: 'ticket', w: 118 }, { key: 'customer' }, { key: 'technicians' }, { key: 'status', w: 88 }]} />
          <Table.Tbody>
            {rows.map((a) => (
              <RowLink key={a.ticketId} ticketId={a.ticketId}>
                <Table.Td style={nowrap}>
                  {a.from}–{a.to}
                </Table.Td>
                <Table.Td ff="monospace" style={nowrap}>
                  {a.ticketNumber}
                </Table.Td>
                <Table.Td title={a.siteAddress ?? undefined}>
                  <Text size="sm" lineClamp={1}>
                    {a.customerName}
                  </Text>
                  {a.siteAddress && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {a.siteAddress}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {a.technicians.join(t('app.common.listSeparator'))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
              </RowLink>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function OverdueMark() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="red" variant="filled" radius="sm" tt="none" ml={6}>
      {t('desk.board.overdue')}
    </Badge>
  );
}

/** One callback row: a ticket's (after a repair) or a visit's (a contract's monthly call, one after handover). */
interface CallbackRow {
  key: string;
  customerName: string;
  phone: string | null;
  dueOn: string;
  overdue: boolean;
  /** The ticket's number, or the visit's with what kind of callback it is. */
  number: string;
  what: string | null;
  open: () => void;
}

function CallbackLink({ row, children }: { row: CallbackRow; children: ReactNode }) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      bg={row.overdue ? 'var(--mantine-color-red-light)' : undefined}
      data-overdue={row.overdue ? 'true' : undefined}
      data-callback={row.key}
      onClick={row.open}
      onKeyDown={(e) => e.key === 'Enter' && row.open()}
    >
      {children}
    </Table.Tr>
  );
}

/** Callbacks due: the tickets' (after a repair) and the scheduled ones of contracts and handovers, oldest first. */
export function CallbacksDue({ board, visits = [] }: { board: Board; visits?: Visit[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const today = todayIso();
  const rows: CallbackRow[] = [
    ...board.callbacksDue.map((c) => ({ key: `ticket:${c.id}`, customerName: c.customerName, phone: c.phone, dueOn: c.dueOn, overdue: c.overdue, number: c.ticketNumber, what: null, open: () => openTicket(c.ticketId) })),
    ...visits.map((v) => ({
      key: `visit:${v.id}`,
      customerName: v.customerName,
      phone: v.customerPhone,
      dueOn: v.dueOn,
      overdue: v.dueOn < today,
      number: v.number,
      what: t(v.contractId === null ? 'inspect.desk.handover' : 'inspect.desk.monthly'),
      open: () => navigate({ section: 'visit', id: v.id }),
    })),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Section id="callbacks" count={rows.length}>
      {rows.length === 0 ? (
        <Quiet>{t('desk.board.empty.callbacks')}</Quiet>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="desk-callbacks-table">
          <Head columns={[{ key: 'customer' }, { key: 'phone', w: 140 }, { key: 'dueOn', w: 150 }, { key: 'record', w: 150 }]} />
          <Table.Tbody>
            {rows.map((c) => (
              <CallbackLink key={c.key} row={c}>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={c.customerName}>
                    {c.customerName}
                  </Text>
                  {c.what && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {c.what}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={nowrap}>{c.phone ? formatPhone(c.phone) : t('app.common.none')}</Table.Td>
                {/* The day stays whole; the overdue mark may drop below it when the half-width table is squeezed (125 % scaling). */}
                <Table.Td c={c.overdue ? 'red' : undefined} fw={c.overdue ? 600 : undefined}>
                  <span style={nowrap}>{formatDate(c.dueOn, lang)}</span>
                  {c.overdue && <OverdueMark />}
                </Table.Td>
                <Table.Td ff="monospace" style={nowrap}>
                  {c.number}
                </Table.Td>
              </CallbackLink>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

export function LoansOut({ board }: { board: Board }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rows = board.loansOut;
  return (
    <Section id="loans" count={rows.length}>
      {rows.length === 0 ? (
        <Quiet>{t('desk.board.empty.loans')}</Quiet>
      ) : (
        <Table striped highlightOnHover withTableBorder>
          <Head columns={[{ key: 'loaner' }, { key: 'customer' }, { key: 'issued', w: 128 }, { key: 'expectedReturn', w: 150 }, { key: 'ticket', w: 118 }]} />
          <Table.Tbody>
            {rows.map((l) => (
              <RowLink key={l.id} ticketId={l.ticketId} alert={l.overdue}>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {l.loanerName ?? t('app.common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {l.customerName}
                  </Text>
                </Table.Td>
                <Table.Td style={nowrap}>{formatDateTime(l.issuedAt, lang)}</Table.Td>
                <Table.Td style={nowrap} c={l.overdue ? 'red' : undefined} fw={l.overdue ? 600 : undefined}>
                  {l.expectedReturn ? formatDate(l.expectedReturn, lang) : t('app.common.none')}
                  {l.overdue && <OverdueMark />}
                </Table.Td>
                <Table.Td ff="monospace" style={nowrap}>
                  {l.ticketNumber}
                </Table.Td>
              </RowLink>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
