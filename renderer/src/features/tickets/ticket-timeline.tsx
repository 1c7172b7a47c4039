import { Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n/languages';
import type { TicketDetail, TicketEvent } from '../../../../shared/schemas/ticket';
import { currentLanguage } from '../../app/i18n';
import { Panel, whoText } from './ticket-common';

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A decision stored as a boolean or as the word for it. */
function decision(t: TFunction, v: unknown): string {
  if (v === true || v === 'in') return t('ticketing.warranty.in');
  if (v === false || v === 'out') return t('ticketing.warranty.out');
  if (v && typeof v === 'object' && 'inWarranty' in v) return decision(t, (v as { inWarranty: unknown }).inWarranty);
  return text(v);
}

function names(t: TFunction, v: unknown): string {
  if (!Array.isArray(v)) return text(v);
  return v.map((x) => (x && typeof x === 'object' && 'name' in x ? text((x as { name: unknown }).name) : text(x))).join(t('app.common.listSeparator'));
}

/** The sentence for one event, from the catalog, with its data put in words. */
export function eventText(t: TFunction, lang: Language, e: TicketEvent): string {
  const d = e.data ?? {};
  switch (e.kind) {
    case 'status':
      return t('ticketing.event.status', {
        from: e.from ? t(`ticketing.status.${e.from}`) : t('app.common.none'),
        to: e.to ? t(`ticketing.status.${e.to}`) : t('app.common.none'),
      });
    case 'assigned': {
      const list = names(t, d.names ?? d.technicians);
      return t('ticketing.event.assigned', { names: list || t('tickets.timeline.nobody') });
    }
    case 'appointment':
      return t('ticketing.event.appointment', { date: formatDate(text(d.date), lang), from: text(d.from), to: text(d.to) });
    case 'partAdded':
    case 'partRemoved':
      return t(`ticketing.event.${e.kind}`, { name: text(d.name), quantity: text(d.quantity) });
    case 'warrantyOverride':
      return t('ticketing.event.warrantyOverride', { before: decision(t, d.before), after: decision(t, d.after) });
    case 'sanbaoPath':
      return t('ticketing.event.sanbaoPath', { path: d.path ? t(`ticketing.sanbaoPath.${text(d.path)}`) : '' });
    case 'review':
      return d.outcome === 'waived' ? t('review.event.waived') : t('review.event.approved', { supervisor: text(d.supervisor) });
    default:
      return t(`ticketing.event.${e.kind}`);
  }
}

/** The detail under the sentence: a note, a satisfaction, a total — whatever the event carried that reads. */
export function eventDetail(t: TFunction, lang: Language, e: TicketEvent): string | null {
  const d = e.data ?? {};
  const parts: string[] = [];
  if (e.kind === 'callback') {
    if (d.reached === false) parts.push(t('tickets.callback.reachedNo'));
    if (typeof d.satisfaction === 'number') parts.push(t('tickets.callback.score', { score: d.satisfaction, label: t(`ticketing.satisfaction.${d.satisfaction}`) }));
    if (typeof d.answers === 'number') parts.push(t('survey.callback.answers', { count: d.answers }));
  }
  if (e.kind === 'created' && typeof d.source === 'string') parts.push(t(`ticketing.source.${d.source}`));
  if (e.kind === 'charges' && typeof d.totalFen === 'number') parts.push(t('tickets.timeline.total', { total: formatMoney(d.totalFen, lang) }));
  if (e.kind === 'loan') {
    if (d.none === true) parts.push(t('tickets.loan.noneAvailable'));
    else parts.push(t(d.returned === true ? 'tickets.timeline.loanReturned' : 'tickets.timeline.loanIssued', { name: text(d.loanerName) }));
  }
  if (e.kind === 'warrantyOverride' && typeof d.exclusionReason === 'string') parts.push(t(`exclusionReason.${d.exclusionReason}`));
  for (const key of ['action', 'note', 'comments'] as const) if (typeof d[key] === 'string' && d[key]) parts.push(d[key]);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Who, and when it happened; for an event recorded later (a time typed), when it was recorded too. */
function stampText(t: TFunction, lang: Language, e: TicketEvent): string {
  const who = whoText(t, e.who);
  const at = formatDateTime(e.at, lang);
  const entered = formatDateTime(e.enteredAt, lang);
  return entered === at ? t('tickets.stamp', { who, at }) : t('tickets.stampEntered', { who, at, entered });
}

/**
 * Everything that happened to the ticket, the latest entered first: who, when, what. Entry order,
 * not the times typed: an arrival recorded late still follows the dispatch it came after.
 */
export function TimelinePanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const events = [...ticket.events].reverse();
  return (
    <Panel title={t('tickets.timeline.title')} icon={<IconHistory size={16} stroke={1.6} />} testId="ticket-timeline">
      <Timeline active={events.length} bulletSize={10} lineWidth={2} styles={{ item: { marginTop: 10 } }}>
        {events.map((e) => {
          const detail = eventDetail(t, lang, e);
          return (
            <Timeline.Item key={e.id} title={eventText(t, lang, e)} fz="sm" data-kind={e.kind} data-testid="ticket-event">
              {detail && (
                <Text size="sm" lineClamp={3}>
                  {detail}
                </Text>
              )}
              <Text size="xs" c="dimmed" data-testid="event-stamp">
                {stampText(t, lang, e)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Panel>
  );
}
