import { Alert, Anchor, Button, Group, Input, Kbd, Menu, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconPrinter } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpen } from '../../../../shared/domain/ticket-status';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, PAPERS, type GeneratedDocument, type Paper } from '../../../../shared/schemas/document';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { apiErrorOf, errorText } from '../../lib/errorText';
import { preloadPdfPreview } from '../../ui/PdfPreview';

export const TICKET_DOCUMENTS = ['dispatchOrder', 'repairIntake', 'repairCompletion'] as const;
export type TicketDocument = (typeof TICKET_DOCUMENTS)[number];

/** Receipts also go on 241 mm continuous forms; the dispatch order is a sheet. */
function papersFor(kind: TicketDocument): readonly Paper[] {
  return kind === 'dispatchOrder' ? CARD_PAPERS : PAPERS;
}

export function paperLabel(t: TFunction, paper: Paper): string {
  return t(`paper.${paper}`);
}

/** The paper last used for each document, so the next print of the same kind starts there. */
const lastPaper: Partial<Record<TicketDocument, Paper>> = {};

/**
 * What the desk most likely prints at this stage: the intake copy when the request is taken (and
 * while the unit is in the workshop), the dispatch order once a technician is sent, the
 * completion copy after the work.
 */
export function likelyDocument(ticket: TicketDetail): TicketDocument {
  if (!isOpen(ticket.status)) return 'repairCompletion';
  if (ticket.status === 'scheduled' || ticket.status === 'dispatched' || ticket.status === 'onSite') return ticket.source === 'walkIn' ? 'repairIntake' : 'dispatchOrder';
  return 'repairIntake';
}

function PrintForm({ ticket, initial, onClose, onGenerated }: { ticket: TicketDetail; initial: TicketDocument; onClose: () => void; onGenerated: (doc: GeneratedDocument) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TicketDocument>(initial);
  const [paper, setPaper] = useState<Paper>(lastPaper[initial] ?? 'A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const dispatchOrder = useApiMutation('documents:dispatchOrder');
  const receipt = useApiMutation('documents:repairReceipt');
  const pending = dispatchOrder.isPending || receipt.isPending;
  const error = kind === 'dispatchOrder' ? dispatchOrder.error : receipt.error;
  // The preview follows: start pdf.js now, while the clerk picks the paper.
  useEffect(preloadPdfPreview, []);
  const settingsMissing = apiErrorOf(error)?.details?.message?.key === 'errors.companySettingsMissing';
  const papers = papersFor(kind);

  const chooseKind = (next: TicketDocument) => {
    setKind(next);
    setPaper((p) => lastPaper[next] ?? (papersFor(next).includes(p) ? p : 'A4'));
    dispatchOrder.reset();
    receipt.reset();
  };
  const submit = () => {
    if (pending) return;
    lastPaper[kind] = paper;
    const done = { onSuccess: onGenerated };
    if (kind === 'dispatchOrder') dispatchOrder.mutate({ ticketId: ticket.id, paper: paper === 'C241' ? 'A4' : paper, language }, done);
    else receipt.mutate({ ticketId: ticket.id, copy: kind === 'repairIntake' ? 'intake' : 'completion', paper, language }, done);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Input.Wrapper label={t('tickets.print.document')}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.print.document')}
              value={kind}
              onChange={(v) => chooseKind(v as TicketDocument)}
              data={TICKET_DOCUMENTS.map((k) => ({ value: k, label: t(`tickets.print.kind.${k}`) }))}
            />
          </div>
        </Input.Wrapper>
        <Text size="xs" c="dimmed" mt={-8}>
          {t(`tickets.print.hint.${kind}`)}
        </Text>
        <Input.Wrapper label={t('tickets.print.paper')}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.print.paper')}
              value={paper}
              onChange={(v) => setPaper(v as Paper)}
              data={papers.map((p) => ({ value: p, label: paperLabel(t, p) }))}
            />
          </div>
        </Input.Wrapper>
        <Input.Wrapper label={t('tickets.print.language')}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.print.language')}
              value={language}
              onChange={(v) => isLanguage(v) && setLanguage(v)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
          </div>
        </Input.Wrapper>
        {error && (
          <Alert color={settingsMissing ? 'yellow' : 'red'} variant="light">
            <Text size="sm">{errorText(t, error)}</Text>
            {settingsMissing && (
              <Anchor component="button" type="button" size="sm" fw={600} mt={4} onClick={() => navigate({ section: 'settings' })}>
                {t('app.banner.openSettings')}
              </Anchor>
            )}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('app.common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-autofocus>
            {t('tickets.print.generate')}
            <Kbd ml={8} size="xs">
              {t('app.keys.enter')}
            </Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Step one of printing from a ticket: which paper, which size, which language; the preview follows. */
export function PrintDialog({
  ticket,
  kind,
  onClose,
  onGenerated,
}: {
  ticket: TicketDetail;
  kind: TicketDocument | null;
  onClose: () => void;
  onGenerated: (doc: GeneratedDocument) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={kind !== null} onClose={onClose} title={t('tickets.print.title', { number: ticket.number })} size={560} styles={{ title: { fontWeight: 600 } }}>
      {kind && <PrintForm key={kind} ticket={ticket} initial={kind} onClose={onClose} onGenerated={onGenerated} />}
    </Modal>
  );
}

/** The print button: Ctrl+P picks the likely document, the menu names all three. */
export function PrintMenu({ onPick }: { onPick: (kind: TicketDocument) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} rightSection={<IconChevronDown size={14} />}>
          {t('tickets.print.button')}
          <Kbd ml={8} size="xs">
            {t('app.keys.print')}
          </Kbd>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {TICKET_DOCUMENTS.map((k) => (
          <Menu.Item key={k} onClick={() => onPick(k)}>
            {t(`tickets.print.kind.${k}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
