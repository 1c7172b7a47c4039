import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, InputOf } from '../../../../shared/contract';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';

type PaperChannel = 'documents:settlementForm' | 'documents:scrapRecord' | 'documents:feedbackForm' | 'documents:feeList' | 'documents:claimForm';

/** Generates one of settling's papers (A4, in the desk's language) and opens it in the preview to print. */
export function usePaper<C extends PaperChannel & Channel>(channel: C) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const generate = useApiMutation(channel);
  const print = (input: Omit<InputOf<C>, 'paper' | 'language'>) =>
    generate.mutate({ ...input, paper: 'A4', language: currentLanguage() } as InputOf<C>, {
      onSuccess: (d) => setDoc(d as GeneratedDocument),
      onError: (err) => notifyError(t, err),
    });
  const preview = <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />;
  return { print, preview, pending: generate.isPending };
}
