import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFileText, IconFilter, IconPaperclip, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { DocumentRecord } from '../../../../shared/schemas/document';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { ExportButton } from '../../ui/ExportButton';
import { PageHeader } from '../../ui/PageHeader';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { QueryState } from '../../ui/QueryState';
import { AttachmentPanel } from '../attachments';

const COLUMNS: Column<DocumentRecord>[] = [
  { key: 'number', header: 'app.documents.columns.number', cell: (d) => d.number, sort: (d) => d.number, w: 170, nowrap: true, mono: true },
  { key: 'kind', header: 'app.documents.columns.kind', cell: (d, t) => t(`app.documents.kind.${d.kind}`), nowrap: true },
  {
    key: 'title',
    header: 'app.documents.columns.title',
    cell: (d) => (
      <Text size="sm" lineClamp={1}>
        {d.title}
      </Text>
    ),
    sort: (d) => d.title,
  },
  { key: 'paper', header: 'app.documents.columns.paper', cell: (d, t) => t(`paper.${d.paper}`) },
  { key: 'language', header: 'app.documents.columns.language', cell: (d, t) => t(`language.${d.language}`), nowrap: true },
  { key: 'created', header: 'app.documents.columns.created', cell: (d) => formatDateTime(d.createdAt, currentLanguage()), sort: (d) => d.createdAt, w: 160, nowrap: true },
];

/** The archive: every document ever generated, newest first; a row opens it again to reprint. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const list = useApiQuery('documents:list', { limit: 500 });
  const [filter, setFilter] = useState('');
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  // The scanned signed copy goes beside the printed document.
  const [attaching, setAttaching] = useState<DocumentRecord | null>(null);
  // The archive is opened to reprint: have pdf.js ready before the first click.
  useEffect(preloadPdfPreview, []);

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = list.data ?? [];
    return q ? all.filter((d) => `${d.number} ${d.title}`.toLowerCase().includes(q)) : all;
  }, [list.data, filter]);
  const columns = useMemo<Column<DocumentRecord>[]>(
    () => [
      ...COLUMNS,
      {
        key: 'open',
        cell: (d, t) => (
          <Group gap={6} wrap="nowrap">
            <Button size="compact-sm" variant="light" leftSection={<IconPrinter size={14} />} onClick={() => setPreview(d)}>
              {t('app.documents.open')}
            </Button>
            {/* An icon only: the archive's table must fit 1366 × 768 at 125% without scrolling sideways. */}
            <Tooltip label={t('attachments.documents.button')}>
              <ActionIcon variant="default" aria-label={t('attachments.documents.button')} onClick={() => setAttaching(d)}>
                <IconPaperclip size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ),
      },
    ],
    [],
  );

  return (
    <>
      <PageHeader title={t('app.documents.title')}>
        <ExportButton list="documents" />
      </PageHeader>
      <TextInput
        mb="sm"
        maw={420}
        leftSection={<IconFilter size={16} />}
        aria-label={t('app.documents.filterLabel')}
        placeholder={t('app.documents.filterPlaceholder')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <QueryState isPending={list.isPending} error={list.error} />
      {(list.isSuccess || rows.length > 0) && (
        <EntityTable
          testId="documents-table"
          stickyHeader
          columns={columns}
          rows={rows}
          rowKey={(d) => d.id}
          rowProps={(d) => ({ onDoubleClick: () => setPreview(d) })}
          empty={{
            page: true,
            icon: IconFileText,
            title: filter ? t('app.documents.noMatch.title') : t('app.documents.empty.title'),
            description: filter ? t('app.documents.noMatch.description') : t('app.documents.empty.description'),
          }}
          count={t('app.documents.count', { count: rows.length })}
        />
      )}
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
      <Modal opened={attaching !== null} onClose={() => setAttaching(null)} title={t('attachments.documents.title', { number: attaching?.number ?? '' })} size={560} styles={{ title: { fontWeight: 600 } }}>
        {attaching && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('attachments.documents.hint')}
            </Text>
            <AttachmentPanel record={{ type: 'document', id: attaching.id }} />
          </Stack>
        )}
      </Modal>
    </>
  );
}
