import { ActionIcon, Alert, Button, Group, Input, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconBook2, IconEye, IconPlus, IconRepeat, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { CARD_PAPERS } from '../../../../shared/schemas/document';
import type { ManualIssue, UnitSetValue } from '../../../../shared/schemas/manual';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { preloadPdfPreview } from '../../ui/PdfPreview';

type Paper = (typeof CARD_PAPERS)[number];

/** The manuals a site, unit or customer got: number, paper, language, day, the content versions, preview and exact reprint. */
function IssuedList({ issues, onPreview }: { issues: ManualIssue[]; onPreview: (doc: PreviewDocument) => void }) {
  const { t } = useTranslation();
  const reprint = useApiMutation('manuals:reprint');
  const lang = currentLanguage();
  if (issues.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('manuals.issue.none')}
      </Text>
    );
  const versions = (i: ManualIssue) =>
    i.versions.map((v) => (v.version === null ? t('manuals.issue.versionNone', { model: v.modelLabel }) : t('manuals.issue.versionLine', { model: v.modelLabel, source: t(`manuals.source.${v.source}`), version: v.version }))).join('；');
  return (
    <Table data-testid="issued-manuals">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('manuals.issue.columns.number')}</Table.Th>
          <Table.Th w={110}>{t('manuals.issue.columns.issuedOn')}</Table.Th>
          <Table.Th>{t('manuals.issue.versions')}</Table.Th>
          <Table.Th w={80} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {issues.map((i) => (
          <Table.Tr key={i.issueId}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {i.number}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`paper.${i.paper}`)} · {t(`language.${i.language}`)} · {i.installationNumber}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(i.issuedOn, lang)}</Table.Td>
            <Table.Td>
              <Text size="xs">{versions(i)}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('manuals.issue.preview')} data-testid={`preview-manual-${i.number}`} onClick={() => onPreview({ id: i.documentId, kind: 'manual', number: i.number })}>
                  <IconEye size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('manuals.issue.reprint')}
                  loading={reprint.isPending && reprint.variables?.issueId === i.issueId}
                  data-testid={`reprint-manual-${i.number}`}
                  onClick={() =>
                    reprint.mutate(
                      { issueId: i.issueId },
                      {
                        onSuccess: (r) => {
                          if (r.identical) notifyDone(t('manuals.issue.reprinted'));
                          else notifyError(t, new Error(t('manuals.issue.reprintDiffers')));
                          onPreview({ id: r.documentId, kind: 'manual', number: i.number });
                        },
                        onError: (err) => notifyError(t, err),
                      },
                    )
                  }
                >
                  <IconRepeat size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The manuals a unit or a customer got (through the sites they were installed at). */
export function IssuedManuals({ unitId, customerId }: { unitId?: number; customerId?: number }) {
  const { t } = useTranslation();
  const issued = useApiQuery('manuals:issued', unitId !== undefined ? { unitId } : { customerId });
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  if (!issued.data || issued.data.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="md" fw={600} mb="xs">
        {t('manuals.issue.list')}
      </Title>
      <IssuedList issues={issued.data} onPreview={setPreview} />
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </Paper>
  );
}

/**
 * A site's manual on its installation's page: what it will say is missing (models without
 * content or English, characters the font lacks), paper and language, issue and preview; the
 * manuals already issued, each previewed or reprinted exactly.
 */
export function InstallationManual({ installationId }: { installationId: number }) {
  const { t } = useTranslation();
  const check = useApiQuery('manuals:check', { installationId });
  const issued = useApiQuery('manuals:issued', { installationId });
  const issue = useApiMutation('manuals:issue');
  const [paper, setPaper] = useState<Paper>('A4');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  useEffect(preloadPdfPreview, []);
  const c = check.data;
  const join = (list: string[]) => list.join(t('app.common.listSeparator'));
  return (
    <Paper withBorder p="md" data-testid="installation-manual">
      <Title order={3} fz="md" fw={600} mb="xs">
        {t('manuals.issue.title')}
      </Title>
      <Stack gap="xs">
        {c && c.unwritten.length > 0 && (
          <Alert color="orange" variant="light" data-testid="manual-unwritten">
            {t('manuals.issue.unwritten', { models: join(c.unwritten) })}
          </Alert>
        )}
        {c && language === 'en' && c.noEnglish.length > 0 && (
          <Alert color="yellow" variant="light" data-testid="manual-no-english">
            {t('manuals.issue.noEnglish', { models: join(c.noEnglish) })}
          </Alert>
        )}
        {c && c.missingGlyphs.length > 0 && (
          <Alert color="orange" variant="light" data-testid="manual-missing-glyphs">
            {t('manuals.issue.missingGlyphs', { chars: c.missingGlyphs.join(' ') })}
          </Alert>
        )}
        {c && c.unwritten.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('manuals.issue.allWritten')}
          </Text>
        )}
        <Group gap="md" align="flex-end">
          <Input.Wrapper label={t('installations.printing.paper')}>
            <div>
              <SegmentedControl value={paper} onChange={(v) => setPaper(v as Paper)} data={CARD_PAPERS.map((p) => ({ value: p, label: t(`paper.${p}`) }))} />
            </div>
          </Input.Wrapper>
          <Input.Wrapper label={t('installations.printing.language')}>
            <div>
              <SegmentedControl value={language} onChange={(v) => isLanguage(v) && setLanguage(v)} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </div>
          </Input.Wrapper>
          <Button
            leftSection={<IconBook2 size={16} />}
            loading={issue.isPending}
            data-testid="issue-manual"
            onClick={() =>
              issue.mutate(
                { installationId, paper, language },
                {
                  onSuccess: (doc) => {
                    notifyDone(t('manuals.issue.issued', { number: doc.number }));
                    setPreview({ id: doc.id, kind: 'manual', number: doc.number, missingGlyphs: doc.missingGlyphs });
                  },
                  onError: (err) => notifyError(t, err),
                },
              )
            }
          >
            {t('manuals.issue.issue')}
          </Button>
        </Group>
        {issued.data && <IssuedList issues={issued.data} onPreview={setPreview} />}
      </Stack>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </Paper>
  );
}

/** The values set or calibrated on a unit at installation: edited as a list, saved whole. */
export function UnitSetValues({ unitId }: { unitId: number }) {
  const query = useApiQuery('manuals:unitValues', { unitId });
  // Opened again on what is saved whenever the saved list changes.
  return query.data ? <SetValuesForm key={JSON.stringify(query.data)} unitId={unitId} saved={query.data} /> : null;
}

function SetValuesForm({ unitId, saved }: { unitId: number; saved: UnitSetValue[] }) {
  const { t } = useTranslation();
  const save = useApiMutation('manuals:saveUnitValues');
  const [rows, setRows] = useState<UnitSetValue[] | null>(saved);
  const set = (i: number, patch: Partial<UnitSetValue>) => setRows((r) => (r ? r.map((x, j) => (j === i ? { ...x, ...patch } : x)) : r));
  return (
    <Paper withBorder p="md" data-testid="unit-set-values">
      <Title order={3} fz="md" fw={600}>
        {t('manuals.values.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('manuals.values.intro')}
      </Text>
      <Stack gap={6}>
        {rows?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('manuals.values.empty')}
          </Text>
        )}
        {rows?.map((r, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-end">
            <TextInput size="xs" label={i === 0 ? t('manuals.values.label') : undefined} aria-label={t('manuals.values.label')} value={r.label} onChange={(e) => set(i, { label: e.currentTarget.value })} style={{ flex: 2 }} />
            <TextInput size="xs" label={i === 0 ? t('manuals.values.value') : undefined} aria-label={t('manuals.values.value')} value={r.value} onChange={(e) => set(i, { value: e.currentTarget.value })} style={{ flex: 1 }} />
            <TextInput size="xs" label={i === 0 ? t('manuals.values.note') : undefined} aria-label={t('manuals.values.note')} value={r.note ?? ''} onChange={(e) => set(i, { note: e.currentTarget.value || null })} style={{ flex: 2 }} />
            <ActionIcon variant="subtle" color="red" aria-label={t('app.common.remove')} onClick={() => setRows((x) => (x ? x.filter((_, j) => j !== i) : x))}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setRows((r) => [...(r ?? []), { label: '', value: '', note: null }])} data-testid="add-set-value">
            {t('manuals.values.add')}
          </Button>
          <Button
            size="xs"
            loading={save.isPending}
            disabled={!rows}
            data-testid="save-set-values"
            onClick={() =>
              rows &&
              save.mutate(
                { unitId, values: rows },
                { onSuccess: () => notifyDone(t('manuals.values.saved')), onError: (err) => notifyError(t, err) },
              )
            }
          >
            {t('manuals.values.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
