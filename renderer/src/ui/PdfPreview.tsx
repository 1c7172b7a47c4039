import { Alert, Box, Center, Loader, Stack } from '@mantine/core';
import type * as PdfJsModule from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/client';
import { errorText } from '../lib/errorText';

interface PdfJs {
  pdfjs: typeof PdfJsModule;
  worker: PdfJsModule.PDFWorker;
}

let loaded: Promise<PdfJs> | null = null;

/**
 * pdf.js is large: loaded on the first preview, not at start-up. Its worker is started once and
 * kept, so a reprint does not pay for starting it again.
 */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    // The worker is our own bundled file: the CSP allows workers only from 'self'.
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return { pdfjs, worker: pdfjs.PDFWorker.create({ name: 'pdf-preview' }) };
  });
  return loaded;
}

/** Starts pdf.js and its worker ahead of time (e.g. while a document is being generated). */
export function preloadPdfPreview(): void {
  loadPdfJs().catch((error: unknown) => console.error(error));
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Draws every page of an archived PDF onto canvases with pdf.js: no Chromium PDF plugin, no
 * iframe, so the preview works under the app's CSP and looks the same on every PC.
 */
async function renderInto(container: HTMLDivElement, bytes: Uint8Array, isCancelled: () => boolean): Promise<number> {
  const { pdfjs, worker } = await loadPdfJs();
  // pdf.js 6 no longer compiles fonts with new Function(): the CSP's missing 'unsafe-eval' is fine.
  const task = pdfjs.getDocument({ data: bytes.slice(), worker });
  const pdf = await task.promise;
  try {
    // A little narrower than the panel, so the page's edge and shadow stay visible.
    const width = Math.max(container.clientWidth - 8, 320);
    const ratio = window.devicePixelRatio || 1;
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      if (isCancelled()) return 0;
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.style.boxShadow = '0 0 0 1px var(--mantine-color-gray-4), 0 2px 6px rgba(0, 0, 0, 0.12)';
      canvas.dataset.page = String(n);
      await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      canvases.push(canvas);
    }
    if (isCancelled()) return 0;
    container.replaceChildren(...canvases);
    return pdf.numPages;
  } finally {
    // The loading task owns the document (pdf.js 6): destroying it frees the document, not the shared worker.
    void task.destroy();
  }
}

export function PdfPreview({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const content = useApiQuery('documents:content', { id: documentId }, { staleTime: Infinity, gcTime: 0 });
  const pagesRef = useRef<HTMLDivElement>(null);
  // Which content the canvases show; a different one (or none yet) means it is being drawn.
  const [drawn, setDrawn] = useState<{ base64: string; pages: number | 'failed' } | null>(null);
  const base64 = content.data?.base64;
  useEffect(() => {
    const container = pagesRef.current;
    if (!base64 || !container) return;
    let cancelled = false;
    renderInto(container, base64ToBytes(base64), () => cancelled).then(
      (pages) => {
        if (!cancelled) setDrawn({ base64, pages });
      },
      (error: unknown) => {
        console.error(error);
        if (!cancelled) setDrawn({ base64, pages: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [base64]);

  const current = drawn && drawn.base64 === base64 ? drawn.pages : null;
  const busy = content.isPending || (content.isSuccess && current === null);
  return (
    <Stack gap="xs">
      {content.isError && (
        <Alert color="red" variant="light">
          {errorText(t, content.error)}
        </Alert>
      )}
      {current === 'failed' && (
        <Alert color="red" variant="light">
          {t('app.preview.renderFailed')}
        </Alert>
      )}
      {busy && (
        <Center py="xl">
          <Loader size="sm" aria-label={t('app.preview.loading')} />
        </Center>
      )}
      <Box
        ref={pagesRef}
        data-testid="pdf-pages"
        data-rendered-pages={typeof current === 'number' ? current : undefined}
        aria-label={t('app.preview.pagesLabel')}
        role="img"
        style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'center' }}
      />
    </Stack>
  );
}
