import { Alert, Button, Group, Input, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';
import { useApiMutation } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { DocumentPreviewModal } from '../../ui/DocumentPreviewModal';
import { usePrintSetup } from '../../ui/print-setup';

type Paper = (typeof CARD_PAPERS)[number];
const isPaper = (v: string): v is Paper => (CARD_PAPERS as readonly string[]).includes(v);

/** Paper and language, as every print dialog of the desk asks them. */
export function PaperLanguage({ paper, language, onPaper, onLanguage }: { paper: Paper; language: Language; onPaper: (p: Paper) => void; onLanguage: (l: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Input.Wrapper label={t('maintenancePapers.batch.paper')}>
        <div>
          <SegmentedControl value={paper} onChange={(v) => isPaper(v) && onPaper(v)} data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))} />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t('maintenancePapers.batch.language')}>
        <div>
          <SegmentedControl value={language} onChange={(v) => isLanguage(v) && onLanguage(v)} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </div>
      </Input.Wrapper>
    </Group>
  );
}

/** The paper set in Settings → Printing for a kind, if it is a sheet. */
function usePaperOf(kind: 'faultStats' | 'inspectionPlan'): Paper {
  const configured = usePrintSetup(kind).paper;
  return isPaper(configured) ? configured : 'A4';
}

/** Today's quarter: the sheet is left at the quarter's visit, in its last month. */
function currentQuarter(): { year: number; quarter: number } {
  const now = new Date();
  return { year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1 };
}

/** ContractPage: print the inspection plan of one of the contract's years, for the customer to approve. */
export function PlanPrintButton({ contractId, startsOn, endsOn }: { contractId: number; startsOn: string; endsOn: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  const [year, setYear] = useState<number>(Math.min(Math.max(new Date().getFullYear(), first), last));
  const [paper, setPaper] = useState<Paper>(usePaperOf('inspectionPlan'));
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const generate = useApiMutation('documents:inspectionPlan');
  const submit = () =>
    generate.mutate(
      { contractId, year, paper, language },
      {
        onSuccess: (d) => {
          setOpen(false);
          setDoc(d);
        },
      },
    );
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconPrinter size={14} />} onClick={() => setOpen(true)} data-testid="print-plan">
        {t('maintenancePapers.print.plan')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('maintenancePapers.print.plan')} size={460} styles={{ title: { fontWeight: 600 } }}>
        <Stack gap="md">
          <NumberInput label={t('maintenancePapers.batch.year')} value={year} min={first} max={last} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} />
          <PaperLanguage paper={paper} language={language} onPaper={setPaper} onLanguage={setLanguage} />
          {generate.isError && (
            <Alert color="red" variant="light">
              <Text size="sm">{errorText(t, generate.error)}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button loading={generate.isPending} onClick={submit} data-autofocus>
              {t('maintenancePapers.print.plan')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}

/** The customer's contracts section: print the quarter's fault statistics sheet of that customer. */
export function StatsPrintButton({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const [{ year, quarter }, setQuarter] = useState(currentQuarter);
  const [paper, setPaper] = useState<Paper>(usePaperOf('faultStats'));
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const generate = useApiMutation('documents:faultStats');
  const submit = () =>
    generate.mutate(
      { customerId, year, quarter, paper, language },
      {
        onSuccess: (d) => {
          setOpen(false);
          setDoc(d);
        },
      },
    );
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => setOpen(true)} data-testid="print-stats">
        {t('maintenancePapers.print.stats')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('maintenancePapers.print.stats')} size={460} styles={{ title: { fontWeight: 600 } }}>
        <Stack gap="md">
          <QuarterPicker year={year} quarter={quarter} onChange={setQuarter} />
          <PaperLanguage paper={paper} language={language} onPaper={setPaper} onLanguage={setLanguage} />
          {generate.isError && (
            <Alert color="red" variant="light">
              <Text size="sm">{errorText(t, generate.error)}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button loading={generate.isPending} onClick={submit} data-autofocus>
              {t('maintenancePapers.print.stats')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}

export function QuarterPicker({ year, quarter, onChange }: { year: number; quarter: number; onChange: (q: { year: number; quarter: number }) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="flex-end">
      <NumberInput label={t('maintenancePapers.batch.year')} value={year} min={2000} max={2100} w={110} onChange={(v) => typeof v === 'number' && onChange({ year: v, quarter })} />
      <Input.Wrapper label={t('maintenancePapers.batch.quarter')}>
        <div>
          <SegmentedControl
            value={String(quarter)}
            onChange={(v) => onChange({ year, quarter: Number(v) })}
            data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('maintenancePapers.batch.quarterValue', { quarter: q }) }))}
          />
        </div>
      </Input.Wrapper>
    </Group>
  );
}

export type { Paper as SheetPaper };
export { currentQuarter };
