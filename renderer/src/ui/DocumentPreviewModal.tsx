import { Alert, Button, Group, Kbd, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconFolderOpen, IconPrinter, IconDeviceFloppy, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../shared/schemas/document';
import { useApiMutation } from '../api/client';
import { notifyDone, notifyError } from '../lib/notify';
import { PdfPreview } from './PdfPreview';
import { notifyPrinted, printerGone, printerText, usePrinters, usePrintSetup } from './print-setup';

/** The screen font may lack the character too, so its code point is named beside it. */
function describeChar(char: string): string {
  const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
  return `${char} (U+${code})`;
}

/** What the preview needs to know about a document; `missingGlyphs` only right after generating. */
export interface PreviewDocument {
  id: number;
  kind: DocumentKind;
  number: string;
  missingGlyphs?: string[];
}

function PreviewBody({ doc, onClose }: { doc: PreviewDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const print = useApiMutation('documents:print');
  const saveAs = useApiMutation('documents:saveAs');
  const showInFolder = useApiMutation('documents:showInFolder');
  const setup = usePrintSetup(doc.kind);
  const printers = usePrinters().data;
  const gone = printerGone(setup, printers);

  const doPrint = () => {
    if (print.isPending) return;
    print.mutate(
      { id: doc.id },
      {
        onSuccess: (result) => notifyPrinted(t, result),
        onError: (err) => notifyError(t, err),
      },
    );
  };
  const doSaveAs = () =>
    saveAs.mutate(
      { id: doc.id },
      {
        // No path means the clerk cancelled the dialog: nothing to say.
        onSuccess: ({ savedTo }) => savedTo && notifyDone(t('app.preview.savedTo', { path: savedTo })),
        onError: (err) => notifyError(t, err),
      },
    );
  const doShowInFolder = () => showInFolder.mutate({ id: doc.id }, { onError: (err) => notifyError(t, err) });

  // Ctrl+P prints the document shown, not the app window.
  useHotkeys([['mod+P', doPrint]], []);

  const missing = doc.missingGlyphs ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button leftSection={<IconPrinter size={16} />} onClick={doPrint} loading={print.isPending} data-autofocus>
            {t('app.preview.print')}
            <Kbd ml={8} size="xs">
              {t('app.keys.print')}
            </Kbd>
          </Button>
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={doSaveAs} loading={saveAs.isPending}>
            {t('app.preview.saveAs')}
          </Button>
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={doShowInFolder}>
            {t('app.preview.showInFolder')}
          </Button>
        </Group>
        <Button variant="subtle" color="gray" onClick={onClose}>
          {t('app.common.close')}
        </Button>
      </Group>
      <Group gap={6} wrap="nowrap" mt={-4}>
        <IconPrinter size={14} color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed" data-testid="print-target">
          {t('printing.target', { printer: printerText(t, setup, printers), count: setup.copies })}
        </Text>
      </Group>
      {gone && (
        <Alert color="orange" variant="light" py={6}>
          <Text size="sm">{t('printing.targetGone', { printer: setup.printer })}</Text>
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('app.preview.missingGlyphsTitle')}>
          <Text size="sm">{t('app.preview.missingGlyphs', { chars: missing.map(describeChar).join(' ') })}</Text>
        </Alert>
      )}
      <ScrollArea.Autosize mah="calc(100vh - 215px)" type="auto" bg="gray.1" p="xs">
        <PdfPreview documentId={doc.id} />
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** The archived PDF on screen, with Print (Ctrl+P), Save as and Show in folder. */
export function DocumentPreviewModal({ doc, onClose }: { doc: PreviewDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={doc !== null}
      onClose={onClose}
      size={880}
      title={doc ? t('app.preview.title', { kind: t(`app.documents.kind.${doc.kind}`), number: doc.number }) : ''}
      styles={{ title: { fontWeight: 600 } }}
    >
      {doc && <PreviewBody doc={doc} onClose={onClose} />}
    </Modal>
  );
}
