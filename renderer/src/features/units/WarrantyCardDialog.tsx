import { Alert, Anchor, Button, Group, Input, Kbd, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS, type GeneratedDocument } from '../../../../shared/schemas/document';

type Paper = (typeof CARD_PAPERS)[number];
import type { Unit } from '../../../../shared/schemas/unit';
import { useApiMutation } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { apiErrorOf, errorText } from '../../lib/errorText';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { useDirectPrint, usePrintSetup } from '../../ui/print-setup';

function isPaper(value: string): value is Paper {
  return (CARD_PAPERS as readonly string[]).includes(value);
}

function WarrantyCardForm({ unit, onClose, onGenerated }: { unit: Unit; onClose: () => void; onGenerated: (doc: GeneratedDocument) => void }) {
  const { t } = useTranslation();
  // Starts on the paper set for warranty cards in Settings → Printing.
  const configured = usePrintSetup('warrantyCard').paper;
  const [paper, setPaper] = useState<Paper>(isPaper(configured) ? configured : 'A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const generate = useApiMutation('documents:warrantyCard');
  // The preview follows: start pdf.js now, while the clerk picks the paper.
  useEffect(preloadPdfPreview, []);
  const settingsMissing = apiErrorOf(generate.error)?.details?.message?.key === 'errors.companySettingsMissing';

  const submit = () => {
    if (!generate.isPending) generate.mutate({ unitId: unit.id, paper, language }, { onSuccess: onGenerated });
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
        <Text size="sm">
          {t('app.warrantyCard.for', { brand: unit.brand, model: unit.model, serial: unit.serial, customer: unit.customerName })}
        </Text>
        <Input.Wrapper label={t('app.warrantyCard.paper')}>
          <div>
            <SegmentedControl
              value={paper}
              onChange={(v) => isPaper(v) && setPaper(v)}
              data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))}
            />
          </div>
        </Input.Wrapper>
        <Input.Wrapper label={t('app.warrantyCard.language')}>
          <div>
            <SegmentedControl
              value={language}
              onChange={(v) => isLanguage(v) && setLanguage(v)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
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
          <Button type="submit" loading={generate.isPending} data-autofocus>
            {t('app.warrantyCard.generate')}
            <Kbd ml={8} size="xs">
              {t('app.keys.enter')}
            </Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The desk's "warranty card" action: with cards set to print without asking, the card is
 * generated on its paper (in the screen's language), archived and printed at once; otherwise
 * the dialog opens.
 */
export function useWarrantyCardPrint(openDialog: (unit: Unit) => void) {
  const setup = usePrintSetup('warrantyCard');
  const generate = useApiMutation('documents:warrantyCard');
  const direct = useDirectPrint();
  const start = (unit: Unit) => {
    if (!setup.silent) return openDialog(unit);
    const paper = isPaper(setup.paper) ? setup.paper : 'A4';
    void direct.run('warrantyCard', () => generate.mutateAsync({ unitId: unit.id, paper, language: currentLanguage() }));
  };
  return { start, pending: direct.pending };
}

/** Step one of printing a warranty card: paper and language, then the preview opens. */
export function WarrantyCardDialog({
  unit,
  onClose,
  onGenerated,
}: {
  unit: Unit | null;
  onClose: () => void;
  onGenerated: (doc: GeneratedDocument) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={unit !== null} onClose={onClose} title={t('app.warrantyCard.title')} size={460} styles={{ title: { fontWeight: 600 } }}>
      {unit && <WarrantyCardForm key={unit.id} unit={unit} onClose={onClose} onGenerated={onGenerated} />}
    </Modal>
  );
}
