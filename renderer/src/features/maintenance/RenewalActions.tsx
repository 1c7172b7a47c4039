import { ActionIcon, Alert, Anchor, Button, Group, Input, Menu, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconDots, IconFileText, IconFileX, IconRefresh, IconUserX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import { nextTerm } from '../../../../shared/domain/renewal';
import { formatDate } from '../../../../shared/format';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';
import type { ContractDetail } from '../../../../shared/schemas/maintenance';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { apiErrorOf, errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { FormModal } from '../../ui/FormModal';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { usePrintSetup } from '../../ui/print-setup';
import { ContractFormModal } from './ContractFormModal';

/*
 * Renewal (续保) at the desk: the notice and the service-end note printed through the same
 * preview as every paper, the renewal visit offered, the contract renewed, or the customer's
 * "no" recorded. On the Desk's rows (a menu) and on the contract page (buttons).
 */

type Paper = (typeof CARD_PAPERS)[number];
type PaperKind = 'notice' | 'endNote';
export type RenewalAction = PaperKind | 'offerVisit' | 'renew' | 'decline' | 'makeContract';

/** What a renewal is about: one contract, or one unit whose warranty ends with no contract after it. */
export interface RenewalTarget {
  contractId: number | null;
  unitId: number | null;
  customerId: number;
  /** The contract's number, or the unit's serial. */
  reference: string;
  endsOn: string;
}

const isPaper = (v: string): v is Paper => (CARD_PAPERS as readonly string[]).includes(v);

function PaperDialog({ target, kind, onClose }: { target: RenewalTarget; kind: PaperKind; onClose: () => void }) {
  const { t } = useTranslation();
  const docKind = kind === 'notice' ? 'renewalNotice' : 'serviceEndNote';
  const configured = usePrintSetup(docKind).paper;
  const [paper, setPaper] = useState<Paper>(isPaper(configured) ? configured : 'A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const notice = useApiMutation('documents:renewalNotice');
  const endNote = useApiMutation('documents:serviceEndNote');
  const generate = kind === 'notice' ? notice : endNote;
  useEffect(preloadPdfPreview, []);
  const settingsMissing = apiErrorOf(generate.error)?.details?.message?.key === 'errors.companySettingsMissing';
  const submit = () => {
    if (generate.isPending) return;
    generate.mutate({ contractId: target.contractId, unitId: target.unitId, paper, language }, { onSuccess: (d: GeneratedDocument) => setDoc(d) });
  };
  if (doc) return <DocumentPreviewModal doc={doc} onClose={onClose} />;
  return (
    <Modal opened onClose={onClose} title={t(`renewal.paper.title.${kind}`)} size={460} styles={{ title: { fontWeight: 600 } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('renewal.decline.for', { what: target.reference, date: formatDate(target.endsOn, currentLanguage()) })}</Text>
          <Input.Wrapper label={t('renewal.paper.paper')}>
            <div>
              <SegmentedControl value={paper} onChange={(v) => isPaper(v) && setPaper(v)} data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))} />
            </div>
          </Input.Wrapper>
          <Input.Wrapper label={t('renewal.paper.language')}>
            <div>
              <SegmentedControl value={language} onChange={(v) => isLanguage(v) && setLanguage(v)} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </div>
          </Input.Wrapper>
          {generate.isError && (
            <Alert color={settingsMissing ? 'yellow' : 'red'} variant="light">
              <Text size="sm">{errorText(t, generate.error)}</Text>
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
            <Button type="submit" loading={generate.isPending} data-autofocus data-testid="renewal-paper-generate">
              {t('renewal.paper.generate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeclineDialog({ target, onClose }: { target: RenewalTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const decline = useApiMutation('renewals:decline');
  const [declinedOn, setDeclinedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const submit = () =>
    decline.mutate(
      { contractId: target.contractId, unitId: target.unitId, declinedOn, note: note.trim() === '' ? null : note },
      {
        onSuccess: () => {
          notifyDone(t('renewal.decline.done'));
          onClose();
        },
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('renewal.decline.title')}
      onSubmit={(e) => {
        e?.preventDefault();
        submit();
      }}
      saving={decline.isPending}
      submitLabel={t('renewal.decline.confirm')}
      size={480}
    >
      <Text size="sm">{t('renewal.decline.for', { what: target.reference, date: formatDate(target.endsOn, currentLanguage()) })}</Text>
      <TextInput type="date" label={t('renewal.decline.declinedOn')} value={declinedOn} onChange={(e) => setDeclinedOn(e.currentTarget.value)} />
      <Textarea label={t('renewal.decline.note')} placeholder={t('renewal.decline.notePlaceholder')} autosize minRows={2} maxRows={4} data-autofocus value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </FormModal>
  );
}

function RenewDialog({ target, onClose }: { target: RenewalTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const renew = useApiMutation('renewals:renew');
  const contract = useApiQuery('contracts:get', { id: target.contractId ?? 0 }, { enabled: target.contractId !== null });
  const term = contract.data ? nextTerm(contract.data.startsOn, contract.data.endsOn) : null;
  const submit = () =>
    renew.mutate(
      { id: target.contractId! },
      {
        onSuccess: (next) => {
          notifyDone(t('renewal.renew.done', { number: next.number }));
          onClose();
          navigate({ section: 'contract', id: next.id });
        },
        onError: (err) => notifyError(t, err),
      },
    );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('renewal.renew.title', { number: target.reference })}
      onSubmit={(e) => {
        e?.preventDefault();
        submit();
      }}
      saving={renew.isPending}
      submitLabel={t('renewal.renew.confirm')}
      size={520}
    >
      {term && <Text size="sm">{t('renewal.renew.body', { from: formatDate(term.startsOn, lang), to: formatDate(term.endsOn, lang) })}</Text>}
    </FormModal>
  );
}

/** The dialogs an action opens, and the one action that needs none (the visit). */
export function useRenewalAction() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const offer = useApiMutation('renewals:offerVisit');
  const [open, setOpen] = useState<{ action: RenewalAction; target: RenewalTarget } | null>(null);
  const run = (action: RenewalAction, target: RenewalTarget) => {
    if (action !== 'offerVisit') return setOpen({ action, target });
    offer.mutate(
      { contractId: target.contractId, unitId: target.unitId },
      { onSuccess: (v) => notifyDone(t('renewal.visit.done', { number: v.number, date: formatDate(v.dueOn, lang) })), onError: (err) => notifyError(t, err) },
    );
  };
  const close = () => setOpen(null);
  const dialogs = open && (
    <>
      {(open.action === 'notice' || open.action === 'endNote') && <PaperDialog target={open.target} kind={open.action} onClose={close} />}
      {open.action === 'decline' && <DeclineDialog target={open.target} onClose={close} />}
      {open.action === 'renew' && <RenewDialog target={open.target} onClose={close} />}
      {open.action === 'makeContract' && (
        <ContractFormModal opened customerId={open.target.customerId} start={{ unitId: open.target.unitId!, startsOn: addDays(open.target.endsOn, 1) }} onClose={close} />
      )}
    </>
  );
  return { run, dialogs, pending: offer.isPending };
}

const ICONS = { notice: IconFileText, endNote: IconFileX, offerVisit: IconCalendarPlus, renew: IconRefresh, makeContract: IconRefresh, decline: IconUserX } as const;

/** The actions a target offers, in the order the desk goes through them. */
export function renewalActions(target: Pick<RenewalTarget, 'contractId'>): RenewalAction[] {
  return ['notice', 'offerVisit', target.contractId !== null ? 'renew' : 'makeContract', 'decline', 'endNote'];
}

/** A Desk row's actions, in a menu. */
export function RenewalMenu({ target, onPick }: { target: RenewalTarget; onPick: (action: RenewalAction, target: RenewalTarget) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={t('renewal.actions.more')} onClick={(e) => e.stopPropagation()} data-testid={`renewal-menu-${target.reference}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {renewalActions(target).map((action) => {
          const Icon = ICONS[action];
          return (
            <Menu.Item key={action} leftSection={<Icon size={14} />} onClick={() => onPick(action, target)} data-testid={`renewal-action-${action}`}>
              {t(`renewal.actions.${action}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The contract page's renewal line: where it stands, and the actions as buttons while it can still be acted on. */
export function ContractRenewalBar({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const renewal = useApiQuery('renewals:contract', { id: c.id });
  const { run, dialogs, pending } = useRenewalAction();
  const r = renewal.data;
  if (!r) return null;
  const target: RenewalTarget = { contractId: c.id, unitId: null, customerId: c.customerId, reference: c.number, endsOn: c.endsOn };
  const lines: string[] = [];
  if (r.renewedFrom) lines.push(t('renewal.page.renewedFrom', { number: r.renewedFrom.number }));
  if (r.due) lines.push(t('renewal.page.due', { date: formatDate(c.endsOn, lang), days: r.leadDays }));
  if (r.declined) lines.push(t('renewal.page.declined', { date: formatDate(r.declined.declinedOn, lang), note: r.declined.note ? `: ${r.declined.note}` : '' }));
  if (r.visitOn) lines.push(t('renewal.page.visit', { date: formatDate(r.visitOn, lang) }));
  // The actions while the renewal is in hand: within the lead time, or once the customer answered or the visit was offered.
  const open = c.cancelledAt === null && r.renewedTo === null && (r.due || r.declined !== null || r.visitId !== null);
  if (!open && lines.length === 0 && !r.renewedTo) return null;
  return (
    <Alert color={r.due ? 'orange' : 'gray'} variant="light" py={8} data-testid="contract-renewal">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('renewal.page.heading')}
          </Text>
          {r.renewedTo && (
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => navigate({ section: 'contract', id: r.renewedTo!.id })} data-testid="contract-renewed-to">
              {t('renewal.page.renewedTo', { number: r.renewedTo.number })}
            </Anchor>
          )}
          {lines.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
        {open && (
          <Group gap={6} wrap="nowrap">
            {(['notice', 'endNote', 'offerVisit', 'renew', 'decline'] as const)
              .filter((a) => !(a === 'decline' && r.declined) && !(a === 'offerVisit' && r.visitId !== null))
              .map((action) => {
                const Icon = ICONS[action];
                return (
                  <Button
                    key={action}
                    size="xs"
                    variant={action === 'renew' ? 'filled' : 'default'}
                    leftSection={<Icon size={14} />}
                    loading={action === 'offerVisit' && pending}
                    onClick={() => run(action, target)}
                    data-testid={`contract-renewal-${action}`}
                  >
                    {t(`renewal.actions.${action}`)}
                  </Button>
                );
              })}
          </Group>
        )}
      </Group>
      {dialogs}
    </Alert>
  );
}
