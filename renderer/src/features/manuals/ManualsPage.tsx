import { Alert, Badge, Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { MANUAL_SECTIONS, type ManualBody, type ManualChapters, type ManualContent, type ManualDoc, type ManualSection } from '../../../../shared/schemas/manual';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { DocEditor } from './DocEditor';

type Target = { modelId: number; category: null } | { modelId: null; category: string };
type Lang = 'zh' | 'en';

const emptyDoc = (): ManualDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });
const emptyChapters = (): ManualChapters => ({ description: emptyDoc(), operation: emptyDoc(), troubleshooting: emptyDoc() });

/** A new troubleshooting chapter starts as the table the paper prints: symptom, cause, remedy. */
function troubleshootingTemplate(head: [string, string, string]): ManualDoc {
  const cell = (text: string, header: boolean) => ({ type: header ? ('tableHeader' as const) : ('tableCell' as const), content: [text ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] } : { type: 'paragraph' as const }] });
  return { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: head.map((h) => cell(h, true)) }, { type: 'tableRow', content: head.map(() => cell('', false)) }] }] };
}

function ContentEditor({ target, label }: { target: Target; label: string }) {
  const query = useApiQuery('manuals:content', target);
  return (
    <>
      <QueryState isPending={query.isPending} error={query.error} />
      {/* The form opens on what is saved (or on empty chapters), again after each save that made a version. */}
      {query.data && <ContentForm key={query.data.versionId ?? 'new'} target={target} label={label} data={query.data} />}
    </>
  );
}

function ContentForm({ target, label, data }: { target: Target; label: string; data: ManualContent }) {
  const { t } = useTranslation();
  const save = useApiMutation('manuals:save');
  const [body, setBody] = useState<{ zh: ManualChapters; en: ManualChapters }>(() => {
    const head = (l: 'zh-CN' | 'en') => (['symptom', 'cause', 'remedy'] as const).map((k) => t(`manuals.editor.troubleshootingTemplate.${k}`, { lng: l })) as [string, string, string];
    const fresh = (l: 'zh-CN' | 'en'): ManualChapters => ({ ...emptyChapters(), troubleshooting: troubleshootingTemplate(head(l)) });
    return { zh: data.body?.zh ?? fresh('zh-CN'), en: data.body?.en ?? fresh('en') };
  });
  const [lang, setLang] = useState<Lang>('zh');
  const [section, setSection] = useState<ManualSection>('description');
  // English is sent once written (or when it was saved before): the empty template is not an English version.
  const [englishTouched, setEnglishTouched] = useState((data.body?.en ?? null) !== null);
  const versionId = data.versionId;
  const submit = () => {
    const payload: ManualBody = { zh: body.zh, en: englishTouched ? body.en : null };
    save.mutate(
      { ...target, body: payload },
      {
        onSuccess: (c) => notifyDone(c.version === data.version ? t('manuals.editor.unchanged') : t('manuals.editor.saved', { version: c.version })),
        onError: (err) => notifyError(t, err),
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Title order={3} fz="md" fw={600} data-testid="editing-target">
            {label}
          </Title>
          <Text size="sm" c="dimmed" data-testid="content-version">
            {data.version ? t('manuals.editor.version', { version: data.version, by: data.createdBy, at: formatDateTime(data.createdAt ?? 0, currentLanguage()) }) : t('manuals.editor.noVersion')}
          </Text>
        </div>
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={submit} data-testid="save-content">
          {t('manuals.editor.save')}
        </Button>
      </Group>
        <Stack gap="xs">
          <Group gap="md">
            <SegmentedControl value={lang} onChange={(v) => setLang(v as Lang)} data={[{ value: 'zh', label: t('manuals.editor.zh') }, { value: 'en', label: t('manuals.editor.en') }]} data-testid="content-language" />
          </Group>
          <Tabs value={section} onChange={(v) => v && setSection(v as ManualSection)} keepMounted={false}>
            <Tabs.List>
              {MANUAL_SECTIONS.map((s) => (
                <Tabs.Tab key={s} value={s} data-testid={`section-${s}`}>
                  {t(`manuals.sections.${s}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {MANUAL_SECTIONS.map((s) => (
              <Tabs.Panel key={s} value={s} pt="xs">
                {/* One editor per chapter and language: remounted on switching, opened on what is in the state. */}
                <DocEditor
                  key={`${versionId}-${lang}-${s}`}
                  label={`${label} · ${t(`manuals.sections.${s}`)}`}
                  value={body[lang][s]}
                  onChange={(doc) => {
                    if (lang === 'en') setEnglishTouched(true);
                    setBody((b) => ({ ...b, [lang]: { ...b[lang], [s]: doc } }));
                  }}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
          {data.versions.length > 1 && (
            <Text size="xs" c="dimmed">
              {data.versions.map((v) => t('manuals.editor.version', { version: v.version, by: v.createdBy, at: formatDateTime(v.createdAt, currentLanguage()) })).join(currentLanguage() === 'en' ? '; ' : '；')}
            </Text>
          )}
        </Stack>
    </Paper>
  );
}

/**
 * The manual's content, written once per model (or for every model of a category): what has
 * been written, and the editor. The site's manual is issued from the installation's page.
 */
export function ManualsPage() {
  const { t } = useTranslation();
  const models = useApiQuery('models:list', {});
  const contents = useApiQuery('manuals:contents', {});
  const [kind, setKind] = useState<'model' | 'category'>('model');
  const [target, setTarget] = useState<Target | null>(null);
  const categories = useMemo(() => [...new Set((models.data ?? []).map((m) => m.category))].sort(), [models.data]);
  const modelLabel = (id: number) => {
    const m = models.data?.find((x) => x.id === id);
    return m ? `${m.brand} ${m.model}` : String(id);
  };
  const label = target ? (target.modelId !== null ? modelLabel(target.modelId) : target.category) : '';
  return (
    <>
      <PageHeader title={t('manuals.editor.title')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('manuals.editor.intro')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={4}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="xs">
                <SegmentedControl
                  value={kind}
                  onChange={(v) => setKind(v as 'model' | 'category')}
                  data={[
                    { value: 'model', label: t('manuals.editor.forModel') },
                    { value: 'category', label: t('manuals.editor.forCategory') },
                  ]}
                />
                {kind === 'model' ? (
                  <Select
                    label={t('manuals.editor.model')}
                    searchable
                    data-testid="pick-model"
                    data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.brand} ${m.model}` }))}
                    value={target && target.modelId !== null ? String(target.modelId) : null}
                    onChange={(v) => v && setTarget({ modelId: Number(v), category: null })}
                  />
                ) : (
                  <Select
                    label={t('manuals.editor.category')}
                    searchable
                    data-testid="pick-category"
                    data={categories}
                    value={target?.modelId === null ? target.category : null}
                    onChange={(v) => v && setTarget({ modelId: null, category: v })}
                  />
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} fz="md" fw={600} mb="xs">
                {t('manuals.editor.written')}
              </Title>
              <QueryState isPending={contents.isPending} error={contents.error} />
              {contents.data?.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('manuals.editor.empty')}
                </Text>
              )}
              {contents.data && contents.data.length > 0 && (
                <Table highlightOnHover data-testid="contents-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('manuals.editor.columns.target')}</Table.Th>
                      <Table.Th w={64}>{t('manuals.editor.columns.version')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {contents.data.map((c) => (
                      <Table.Tr
                        key={c.contentId}
                        style={{ cursor: 'pointer' }}
                        onClick={() => {
                          setKind(c.modelId !== null ? 'model' : 'category');
                          setTarget(c.modelId !== null ? { modelId: c.modelId, category: null } : { modelId: null, category: c.category ?? '' });
                        }}
                      >
                        <Table.Td>
                          <Text size="sm">{c.modelLabel ?? c.category}</Text>
                          <Group gap={4}>
                            <Badge size="xs" variant="light" color={c.modelId !== null ? 'blue' : 'gray'}>
                              {t(c.modelId !== null ? 'manuals.source.model' : 'manuals.source.category')}
                            </Badge>
                            {c.hasEnglish && (
                              <Badge size="xs" variant="outline">
                                {t('manuals.editor.hasEnglish')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>v{c.version}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={8}>
          {target ? (
            <ContentEditor key={`${target.modelId}-${target.category}`} target={target} label={label} />
          ) : (
            <Alert variant="light" color="gray">
              {t('manuals.editor.pick')}
            </Alert>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
