import { Button, Group, Input, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconCertificate, IconFileCertificate, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';
import type { InstallationUnit } from '../../../../shared/schemas/installation';
import { useApiMutation } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { DocumentPreviewModal } from '../../ui/DocumentPreviewModal';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { usePrintSetup } from '../../ui/print-setup';
import { problemText } from './problem';

type Paper = (typeof CARD_PAPERS)[number];
const isPaper = (v: string): v is Paper => (CARD_PAPERS as readonly string[]).includes(v);

function PaperLanguage({ paper, language, onPaper, onLanguage }: { paper: Paper; language: Language; onPaper: (p: Paper) => void; onLanguage: (l: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Input.Wrapper label={t('installations.printing.paper')}>
        <div>
          <SegmentedControl value={paper} onChange={(v) => isPaper(v) && onPaper(v)} data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))} />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t('installations.printing.language')}>
        <div>
          <SegmentedControl value={language} onChange={(v) => isLanguage(v) && onLanguage(v)} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </div>
      </Input.Wrapper>
    </Group>
  );
}

function usePaper(kind: 'acceptanceCertificate' | 'warrantyCard'): [Paper, (p: Paper) => void] {
  const configured = usePrintSetup(kind).paper;
  return useState<Paper>(isPaper(configured) ? configured : 'A4');
}

/** The acceptance certificate (设备验收合格书): paper and language, then the preview to print. */
export function CertificatePrintButton({ installationId }: { installationId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const [paper, setPaper] = usePaper('acceptanceCertificate');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const generate = useApiMutation('documents:acceptanceCertificate');
  useEffect(preloadPdfPreview, []);
  const submit = () =>
    generate.mutate(
      { installationId, paper, language },
      {
        onSuccess: (d) => {
          setOpen(false);
          setDoc(d);
        },
      },
    );
  return (
    <>
      <Button size="xs" leftSection={<IconFileCertificate size={14} />} onClick={() => setOpen(true)} data-testid="print-certificate">
        {t('installations.printing.certificate')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('installations.printing.certificate')} size={460} styles={{ title: { fontWeight: 600 } }}>
        <Stack gap="md">
          <PaperLanguage paper={paper} language={language} onPaper={setPaper} onLanguage={setLanguage} />
          {generate.isError && (
            <Text size="sm" c="red" role="alert">
              {problemText(t, generate.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.common.cancel')}
            </Button>
            <Button loading={generate.isPending} onClick={submit} data-autofocus data-testid="generate-certificate">
              {t('installations.printing.generate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}

/** After acceptance: every unit's warranty card, now with its warranty start, generated at once and each opened to print. */
export function CardsPrintButton({ units }: { units: InstallationUnit[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [cards, setCards] = useState<{ unit: InstallationUnit; doc: GeneratedDocument }[]>([]);
  const [preview, setPreview] = useState<GeneratedDocument | null>(null);
  const [paper, setPaper] = usePaper('warrantyCard');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const generate = useApiMutation('documents:warrantyCard');
  const [busy, setBusy] = useState(false);
  useEffect(preloadPdfPreview, []);
  const submit = async () => {
    setBusy(true);
    const made: typeof cards = [];
    try {
      // One after another: each card takes its own number in order.
      for (const unit of units) made.push({ unit, doc: await generate.mutateAsync({ unitId: unit.id, paper, language }) });
    } catch {
      // The refusal shows below; the cards made so far stay listed.
    } finally {
      setCards(made);
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconCertificate size={14} />} onClick={() => setOpen(true)} data-testid="print-cards">
        {t('installations.printing.cards')}
      </Button>
      <Modal
        opened={open && preview === null}
        onClose={() => {
          setOpen(false);
          setCards([]);
        }}
        title={t('installations.printing.cardsTitle', { count: units.length })}
        size={560}
        styles={{ title: { fontWeight: 600 } }}
      >
        <Stack gap="md">
          {cards.length === 0 ? (
            <>
              <PaperLanguage paper={paper} language={language} onPaper={setPaper} onLanguage={setLanguage} />
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('app.common.cancel')}
                </Button>
                <Button loading={busy} onClick={() => void submit()} data-autofocus data-testid="generate-cards">
                  {t('installations.printing.cardsGenerate')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{t('installations.printing.cardsDone', { count: cards.length })}</Text>
              <Table withTableBorder data-testid="generated-cards">
                <Table.Tbody>
                  {cards.map(({ unit, doc }) => (
                    <Table.Tr key={doc.id}>
                      <Table.Td ff="monospace">{doc.number}</Table.Td>
                      <Table.Td ff="monospace">{unit.serial}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-xs" variant="default" leftSection={<IconPrinter size={12} />} onClick={() => setPreview(doc)}>
                          {t('installations.printing.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {generate.isError && (
            <Text size="sm" c="red" role="alert">
              {problemText(t, generate.error)}
            </Text>
          )}
        </Stack>
      </Modal>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
