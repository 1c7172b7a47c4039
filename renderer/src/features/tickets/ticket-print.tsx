import { Alert, Anchor, Button, Group, Input, Kbd, Menu, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBolt, IconChevronDown, IconPrinter } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpen } from '../../../../shared/domain/ticket-status';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, PAPERS, type GeneratedDocument, type Paper } from '../../../../shared/schemas/document';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { useDirectPrint, usePrinting, usePrintSetup } from '../../ui/print-setup';
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

/**
 * Makes one of a ticket's papers, from the dialog or printed without asking: the dispatch order
 * is a sheet (continuous forms are for the receipts), a receipt says which copy it is.
 */
function useTicketDocuments() {
  const dispatchOrder = useApiMutation('documents:dispatchOrder');
  const receipt = useApiMutation('documents:repairReceipt');
  const order = (ticketId: number, paper: Paper, language: Language) => ({ ticketId, paper: paper === 'C241' ? ('A4' as const) : paper, language });
  const copy = (ticketId: number, kind: TicketDocument, paper: Paper, language: Language) => ({ ticketId, copy: kind === 'repairIntake' ? ('intake' as const) : ('completion' as const), paper, language });
  return {
    /** For printing without asking: the caller awaits the document. */
    generate: (ticketId: number, kind: TicketDocument, paper: Paper, language: Language): Promise<GeneratedDocument> =>
      kind === 'dispatchOrder' ? dispatchOrder.mutateAsync(order(ticketId, paper, language)) : receipt.mutateAsync(copy(ticketId, kind, paper, language)),
    /** For the dialog: a refusal stays in the mutation's error, and a dialog closed meanwhile opens no preview. */
    make: (ticketId: number, kind: TicketDocument, paper: Paper, language: Language, onGenerated: (doc: GeneratedDocument) => void): void => {
      if (kind === 'dispatchOrder') dispatchOrder.mutate(order(ticketId, paper, language), { onSuccess: onGenerated });
      else receipt.mutate(copy(ticketId, kind, paper, language), { onSuccess: onGenerated });
    },
    pending: dispatchOrder.isPending || receipt.isPending,
    errorOf: (kind: TicketDocument) => (kind === 'dispatchOrder' ? dispatchOrder.error : receipt.error),
    reset: () => {
      dispatchOrder.reset();
      receipt.reset();
    },
  };
}

function PrintForm({ ticket, initial, onClose, onGenerated }: { ticket: TicketDetail; initial: TicketDocument; onClose: () => void; onGenerated: (doc: GeneratedDocument) => void }) {
  const { t } = useTranslation();
  const printing = usePrinting();
  const [kind, setKind] = useState<TicketDocument>(initial);
  // Each kind starts on the paper set for it in Settings → Printing.
  const [paper, setPaper] = useState<Paper>(usePrintSetup(initial).paper);
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const documents = useTicketDocuments();
  const error = documents.errorOf(kind);
  // The preview follows: start pdf.js now, while the clerk picks the paper.
  useEffect(preloadPdfPreview, []);
  const settingsMissing = apiErrorOf(error)?.details?.message?.key === 'errors.companySettingsMissing';
  const papers = papersFor(kind);

  const chooseKind = (next: TicketDocument) => {
    setKind(next);
    setPaper(printing?.[next].paper ?? 'A4');
    documents.reset();
  };
  const submit = () => {
    if (documents.pending) return;
    documents.make(ticket.id, kind, paper, language, onGenerated);
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
          <Button type="submit" loading={documents.pending} data-autofocus>
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

/**
 * The desk's print action for a ticket: a kind set to print without asking is generated with its
 * paper (in the screen's language), archived and printed at once; any other opens the dialog.
 */
export function useTicketPrint(ticket: TicketDetail | undefined, openDialog: (kind: TicketDocument) => void) {
  const printing = usePrinting();
  const documents = useTicketDocuments();
  const direct = useDirectPrint();
  const start = (kind: TicketDocument) => {
    const setup = printing?.[kind];
    if (!ticket || !setup?.silent) return openDialog(kind);
    if (direct.pending) return;
    void direct.run(kind, () => documents.generate(ticket.id, kind, setup.paper, currentLanguage()));
  };
  return { start, pending: direct.pending };
}

/** The print button: Ctrl+P picks the likely document, the menu names all three (marked when one prints without asking). */
export function PrintMenu({ onPick }: { onPick: (kind: TicketDocument) => void }) {
  const { t } = useTranslation();
  const printing = usePrinting();
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
          <Menu.Item
            key={k}
            onClick={() => onPick(k)}
            rightSection={
              printing?.[k].silent && (
                <Text size="xs" c="dimmed" span>
                  <IconBolt size={12} style={{ verticalAlign: -2 }} /> {t('printing.silentMark')}
                </Text>
              )
            }
          >
            {t(`tickets.print.kind.${k}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
