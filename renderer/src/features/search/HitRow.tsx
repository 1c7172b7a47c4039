import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCalendarCheck, IconDeviceDesktop, IconFileCertificate, IconFileText, IconTool, IconTruckDelivery, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPhone } from '../../../../shared/format';
import type { OpenTicketGlance, SearchHit } from '../../../../shared/schemas/search';
import { currentLanguage } from '../../app/i18n';
import { WarrantyBadge } from '../../ui/WarrantyBadge';

/** A caller's units shown as badges in their row; the rest are counted. */
const UNIT_BADGES = 3;
/** Open repairs named in a row; the rest are counted. */
const OPEN_SHOWN = 2;

const KIND_ICON = {
  customer: IconUser,
  unit: IconDeviceDesktop,
  document: IconFileText,
  ticket: IconTool,
  visit: IconCalendarCheck,
  installation: IconTruckDelivery,
  contract: IconFileCertificate,
} as const;
const nowrap = { whiteSpace: 'nowrap' } as const;
/** A flex item may only truncate once it is allowed to be narrower than its text. */
const shrinks = { minWidth: 0 } as const;

/** "GD-2026-000006 已派工 · 李师傅": what the caller is most likely ringing about. */
function OpenTickets({ tickets, count }: { tickets: OpenTicketGlance[]; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  const shown = tickets.slice(0, OPEN_SHOWN);
  return (
    <Group gap={6} wrap="nowrap" pl={24} data-testid="hit-open-tickets" style={{ overflow: 'hidden' }}>
      <Text size="xs" fw={600} style={nowrap}>
        {t('app.search.openTickets')}
      </Text>
      {shown.map((ticket) => (
        <Group key={ticket.id} gap={4} wrap="nowrap">
          <Text size="xs" ff="monospace" style={nowrap}>
            {ticket.number}
          </Text>
          <Badge size="xs" variant="light" tt="none" color={ticket.worst === 'overdue' ? 'red' : 'blue'}>
            {t(`ticketing.status.${ticket.status}`)}
          </Badge>
          {ticket.technicians.length > 0 && (
            <Text size="xs" c="dimmed" truncate maw={140}>
              {ticket.technicians.join(t('app.common.listSeparator'))}
            </Text>
          )}
        </Group>
      ))}
      {count > shown.length && (
        <Text size="xs" c="dimmed" style={nowrap}>
          {t('app.search.moreOpen', { count })}
        </Text>
      )}
    </Group>
  );
}

/** A record found by its whole number (a ticket, a visit, an installation job, a contract): the number, when, its state, whose. */
function NumberedHit({ icon, number, when, status, line }: { icon: ReactNode; number: string; when?: string; status: string; line: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      {icon}
      <Text size="sm" ff="monospace" fw={600} style={nowrap}>
        {number}
      </Text>
      {when && (
        <Text size="sm" style={nowrap}>
          {when}
        </Text>
      )}
      <Badge size="xs" variant="light" tt="none">
        {status}
      </Badge>
      <Text size="sm" c="dimmed" truncate title={line} style={shrinks}>
        {line}
      </Text>
    </Group>
  );
}

export function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const Icon = KIND_ICON[hit.kind];
  const icon = <Icon size={16} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} />;
  switch (hit.kind) {
    case 'customer':
      return (
        <Stack gap={2}>
          <Group gap="sm" wrap="nowrap">
            {icon}
            <Text size="sm" fw={600} truncate maw={220} title={hit.name}>
              {hit.name}
            </Text>
            <Text size="sm" c="dimmed" style={nowrap}>
              {formatPhone(hit.phone)}
            </Text>
            {hit.archived && (
              <Badge size="xs" color="gray" variant="outline" tt="none">
                {t('app.search.archived')}
              </Badge>
            )}
            <Group gap={4} wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
              {hit.units.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('app.search.noUnits')}
                </Text>
              )}
              {hit.units.slice(0, UNIT_BADGES).map((u) => (
                <WarrantyBadge key={u.id} state={u.summary} size="xs" title={u.label} />
              ))}
              {hit.units.length > UNIT_BADGES && (
                <Text size="xs" c="dimmed" style={nowrap}>
                  {t('app.search.moreUnits', { count: hit.units.length })}
                </Text>
              )}
            </Group>
          </Group>
          <OpenTickets tickets={hit.openTickets} count={hit.openCount} />
        </Stack>
      );
    case 'unit':
      return (
        <Stack gap={2}>
          <Group gap="sm" wrap="nowrap">
            {icon}
            <Text size="sm" fw={600} truncate maw={200} title={`${hit.brand} ${hit.model}`}>
              {hit.brand} {hit.model}
            </Text>
            <Text size="sm" ff="monospace" style={nowrap}>
              {hit.serial}
            </Text>
            <Text size="sm" c="dimmed" truncate title={hit.customerName} style={shrinks}>
              {hit.customerName}
            </Text>
            <Group gap={6} wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
              <WarrantyBadge state={hit.summary} size="xs" />
              {hit.end && (
                <Text size="xs" c="dimmed" style={nowrap}>
                  {t('app.search.until', { date: formatDate(hit.end, lang) })}
                </Text>
              )}
            </Group>
          </Group>
          <OpenTickets tickets={hit.openTickets} count={hit.openCount} />
        </Stack>
      );
    case 'ticket': {
      const technicians = hit.technicians.length > 0 ? ` · ${hit.technicians.join(t('app.common.listSeparator'))}` : '';
      return <NumberedHit icon={icon} number={hit.number} status={t(`ticketing.status.${hit.status}`)} line={`${hit.customerName} · ${hit.unitLabel}${technicians}`} />;
    }
    case 'visit':
      return (
        <NumberedHit
          icon={icon}
          number={hit.number}
          when={`${t(`maintenance.visit.kind.${hit.visitKind}`)} · ${formatDate(hit.dueOn, lang)}`}
          status={t(`maintenance.visit.status.${hit.status}`)}
          line={[hit.customerName, hit.contractNumber].filter(Boolean).join(' · ')}
        />
      );
    case 'installation':
      return (
        <NumberedHit
          icon={icon}
          number={hit.number}
          when={t('app.search.installOn', { date: formatDate(hit.appointmentOn, lang) })}
          status={t(`installations.status.${hit.status}`)}
          line={`${hit.customerName} · ${t('app.search.unitCount', { count: hit.unitCount })}`}
        />
      );
    case 'contract':
      return (
        <NumberedHit
          icon={icon}
          number={hit.number}
          when={t('app.search.contractTerm', { from: formatDate(hit.startsOn, lang), to: formatDate(hit.endsOn, lang) })}
          status={t(`maintenance.contract.status.${hit.state}`)}
          line={`${hit.customerName} · ${t('app.search.unitCount', { count: hit.unitCount })}`}
        />
      );
    case 'document':
      return (
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Text size="sm" ff="monospace" fw={600} style={nowrap}>
            {hit.number}
          </Text>
          <Text size="sm" c="dimmed" truncate title={hit.title} style={shrinks}>
            {hit.title}
          </Text>
        </Group>
      );
  }
}
