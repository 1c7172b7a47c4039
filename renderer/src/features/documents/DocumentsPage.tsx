import { Button, EmptyState, Table, Text, TextInput } from '@mantine/core';
import { IconFileText, IconFilter, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { DocumentRecord } from '../../../../shared/schemas/document';
import { useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { ExportButton } from '../../ui/ExportButton';
import { PageHeader } from '../../ui/PageHeader';
import { preloadPdfPreview } from '../../ui/PdfPreview';
import { QueryState } from '../../ui/QueryState';
import { SortTh, useSortedRows } from '../../ui/sorting';

const SORT = {
  number: (d: DocumentRecord) => d.number,
  title: (d: DocumentRecord) => d.title,
  created: (d: DocumentRecord) => d.createdAt,
};

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The archive: every document ever generated, newest first; a row opens it again to reprint. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useApiQuery('documents:list', { limit: 500 });
  const [filter, setFilter] = useState('');
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  // The archive is opened to reprint: have pdf.js ready before the first click.
  useEffect(preloadPdfPreview, []);

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = list.data ?? [];
    return q ? all.filter((d) => `${d.number} ${d.title}`.toLowerCase().includes(q)) : all;
  }, [list.data, filter]);
  const { sorted, sort, toggle } = useSortedRows(rows, SORT);

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
      {list.isSuccess && rows.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconFileText size={28} />}
          withIndicatorBackground
          title={filter ? t('app.documents.noMatch.title') : t('app.documents.empty.title')}
          description={filter ? t('app.documents.noMatch.description') : t('app.documents.empty.description')}
        />
      )}
      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder stickyHeader data-testid="documents-table">
            <Table.Thead>
              <Table.Tr>
                <SortTh column="number" sort={sort} onSort={toggle} w={170}>
                  {t('app.documents.columns.number')}
                </SortTh>
                <Table.Th style={nowrap}>{t('app.documents.columns.kind')}</Table.Th>
                <SortTh column="title" sort={sort} onSort={toggle}>
                  {t('app.documents.columns.title')}
                </SortTh>
                <Table.Th style={nowrap}>{t('app.documents.columns.paper')}</Table.Th>
                <Table.Th style={nowrap}>{t('app.documents.columns.language')}</Table.Th>
                <SortTh column="created" sort={sort} onSort={toggle} w={160}>
                  {t('app.documents.columns.created')}
                </SortTh>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((d) => (
                <Table.Tr key={d.id} onDoubleClick={() => setPreview(d)}>
                  <Table.Td ff="monospace" style={nowrap}>
                    {d.number}
                  </Table.Td>
                  <Table.Td style={nowrap}>{t(`app.documents.kind.${d.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {d.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`paper.${d.paper}`)}</Table.Td>
                  <Table.Td style={nowrap}>{t(`language.${d.language}`)}</Table.Td>
                  <Table.Td style={nowrap}>{formatDateTime(d.createdAt, lang)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" leftSection={<IconPrinter size={14} />} onClick={() => setPreview(d)}>
                      {t('app.documents.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {t('app.documents.count', { count: rows.length })}
          </Text>
        </>
      )}
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
