import { ActionIcon, Alert, Autocomplete, Button, Chip, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ITEM_ANSWERS, type ItemAnswerKind } from '../../../../shared/domain/checklist';
import { VISIT_KINDS, type VisitKind } from '../../../../shared/domain/visit-plan';
import { checklistCreateInput, type Checklist } from '../../../../shared/schemas/checklist';
import { useApiMutation, useApiQuery } from '../../api/client';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';

/*
 * A checklist's editor: its name, what it is for (one model, or a category), and its items, each
 * with the standard to meet, the kind of answer (a reading with its unit and range) and the visit
 * kinds that ask it. Readings are typed as text so "abc" is refused in words, not dropped.
 */

interface ItemValues {
  key: string;
  text: string;
  textEn: string;
  standard: string;
  answer: ItemAnswerKind;
  unit: string;
  min: string;
  max: string;
  kinds: VisitKind[];
}

interface Values {
  name: string;
  target: 'model' | 'category';
  modelId: string;
  category: string;
  items: ItemValues[];
}

const text = (v: string | null) => v ?? '';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A bound as typed: blank is open, a number is the bound, anything else is kept for the schema to refuse. */
function bound(typed: string): number | null | string {
  const s = typed.normalize('NFKC').trim();
  if (s === '') return null;
  return NUMBER.test(s) ? Number(s) : s;
}

function initial(c: Checklist | null): Values {
  return {
    name: c?.name ?? '',
    target: c && c.modelId !== null ? 'model' : 'category',
    modelId: c?.modelId ? String(c.modelId) : '',
    category: c?.category ?? '',
    items: (c?.items ?? []).map((i) => ({
      key: i.key,
      text: i.text,
      textEn: text(i.textEn),
      standard: i.standard,
      answer: i.answer,
      unit: text(i.unit),
      min: i.min === null ? '' : String(i.min),
      max: i.max === null ? '' : String(i.max),
      kinds: i.kinds,
    })),
  };
}

/** A new item's code, stable across versions (results are kept against it), never reused in the list. */
function nextKey(items: ItemValues[]): string {
  const taken = new Set(items.map((i) => i.key));
  let n = items.length + 1;
  while (taken.has(`item-${n}`)) n += 1;
  return `item-${n}`;
}

function fieldsOf(values: Values) {
  return {
    name: values.name,
    modelId: values.target === 'model' && values.modelId ? Number(values.modelId) : null,
    category: values.target === 'category' ? values.category : null,
    items: values.items.map((i) => ({
      key: i.key,
      text: i.text,
      textEn: i.textEn,
      standard: i.standard,
      answer: i.answer,
      unit: i.answer === 'reading' ? i.unit : null,
      min: i.answer === 'reading' ? bound(i.min) : null,
      max: i.answer === 'reading' ? bound(i.max) : null,
      kinds: i.kinds,
    })),
  };
}

function useChecklistForm(checklist: Checklist | null) {
  const { t } = useTranslation();
  return useForm<Values>({ mode: 'controlled', initialValues: initial(checklist), validate: schemaValidator(checklistCreateInput, t, fieldsOf) });
}

function ItemRow({ form, index, count }: { form: ReturnType<typeof useChecklistForm>; index: number; count: number }) {
  const { t } = useTranslation();
  const path = `items.${index}`;
  const item = form.getValues().items[index]!;
  const n = index + 1;
  const move = () => form.reorderListItem('items', { from: index, to: index - 1 });
  return (
    <Table.Tr data-item={item.key}>
      <Table.Td c="dimmed" style={{ verticalAlign: 'top', paddingTop: 12 }}>
        {n}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={4}>
          <TextInput size="xs" aria-label={`${t('inspect.checklists.form.item.text')} ${n}`} maxLength={200} data-autofocus={index === count - 1 || undefined} {...form.getInputProps(`${path}.text`)} />
          <TextInput size="xs" aria-label={`${t('inspect.checklists.form.item.textEn')} ${n}`} placeholder={t('inspect.checklists.form.item.textEn')} maxLength={200} {...form.getInputProps(`${path}.textEn`)} />
        </Stack>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <TextInput size="xs" aria-label={`${t('inspect.checklists.form.item.standard')} ${n}`} maxLength={300} {...form.getInputProps(`${path}.standard`)} />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={4}>
          <SegmentedControl
            size="xs"
            aria-label={`${t('inspect.checklists.form.item.answer')} ${n}`}
            value={item.answer}
            onChange={(v) => form.setFieldValue(`${path}.answer`, v as ItemAnswerKind)}
            data={ITEM_ANSWERS.map((a) => ({ value: a, label: t(`inspect.checklists.form.answerKind.${a}`) }))}
          />
          {item.answer === 'reading' && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <TextInput size="xs" w={64} aria-label={`${t('inspect.checklists.form.item.unit')} ${n}`} placeholder={t('inspect.checklists.form.item.unit')} maxLength={20} {...form.getInputProps(`${path}.unit`)} />
              <TextInput size="xs" w={80} leftSection="≥" leftSectionWidth={22} aria-label={`${t('inspect.checklists.form.item.min')} ${n}`} placeholder={t('inspect.checklists.form.item.min')} inputMode="decimal" {...form.getInputProps(`${path}.min`)} />
              <TextInput size="xs" w={80} leftSection="≤" leftSectionWidth={22} aria-label={`${t('inspect.checklists.form.item.max')} ${n}`} placeholder={t('inspect.checklists.form.item.max')} inputMode="decimal" {...form.getInputProps(`${path}.max`)} />
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Input.Wrapper error={form.errors[`${path}.kinds`]}>
          <Chip.Group multiple value={item.kinds} onChange={(v) => form.setFieldValue(`${path}.kinds`, v as VisitKind[])}>
            <Group gap={4} wrap="nowrap" role="group" aria-label={`${t('inspect.checklists.form.item.kinds')} ${n}`}>
              {VISIT_KINDS.filter((k) => k !== 'callback').map((k) => (
                <Chip key={k} value={k} size="xs">
                  {t(`maintenance.visit.kind.${k}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('inspect.checklists.form.moveUp', { n })}>
            <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={move} aria-label={t('inspect.checklists.form.moveUp', { n })}>
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('inspect.checklists.form.removeItem', { n })}>
            <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('items', index)} aria-label={t('inspect.checklists.form.removeItem', { n })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The editor, new or of an existing checklist; saving a used one says it makes a new version. */
export function ChecklistForm({ checklist, onClose }: { checklist: Checklist | null; onClose: () => void }) {
  const { t } = useTranslation();
  const models = useApiQuery('models:list', { query: '' });
  const create = useApiMutation('checklists:create');
  const update = useApiMutation('checklists:update');
  const id = checklist?.id ?? null;
  const form = useChecklistForm(checklist);
  const values = form.getValues();
  const categories = [...new Set((models.data ?? []).map((m) => m.category).filter(Boolean))];
  const modelOptions = (models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.brand} ${m.model}` }));
  const addItem = () => form.insertListItem('items', { key: nextKey(values.items), text: '', textEn: '', standard: '', answer: 'check', unit: '', min: '', max: '', kinds: ['inspection', 'maintenance'] });
  const onSaved = (saved: Checklist) => {
    notifyDone(t('inspect.checklists.saved', { name: saved.name, version: saved.version }));
    onClose();
  };
  const onError = (err: unknown) => {
    if (!showServerFieldErrors(form, (path) => path === 'name' || path === 'modelId' || path === 'category' || path.startsWith('items'), t, err)) notifyError(t, err);
  };
  // The form has already read the bounds as the schema does: what reaches here parses.
  const submit = form.onSubmit((v) => {
    const fields = checklistCreateInput.parse(fieldsOf(v));
    if (id !== null) update.mutate({ id, ...fields }, { onSuccess: onSaved, onError });
    else create.mutate(fields, { onSuccess: onSaved, onError });
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={checklist ? t('inspect.checklists.form.titleEdit', { name: checklist.name }) : t('inspect.checklists.form.titleNew')}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
      size={1240}
    >
      {checklist && checklist.usedBy > 0 && (
        <Alert color="blue" variant="light" py={8} icon={<IconInfoCircle size={18} />} data-testid="checklist-new-version">
          <Text size="sm">{t('inspect.checklists.form.newVersion', { count: checklist.usedBy, version: checklist.version + 1 })}</Text>
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="md">
        <TextInput label={t('inspect.checklists.form.name')} placeholder={t('inspect.checklists.form.namePlaceholder')} withAsterisk maxLength={60} data-autofocus {...form.getInputProps('name')} />
        <Input.Wrapper label={t('inspect.checklists.form.target')}>
          <div>
            <SegmentedControl
              aria-label={t('inspect.checklists.form.target')}
              value={values.target}
              onChange={(v) => form.setFieldValue('target', v as Values['target'])}
              data={[
                { value: 'category', label: t('inspect.checklists.form.targetCategory') },
                { value: 'model', label: t('inspect.checklists.form.targetModel') },
              ]}
            />
          </div>
        </Input.Wrapper>
        {values.target === 'model' ? (
          <Select label={t('inspect.checklists.form.model')} withAsterisk searchable data={modelOptions} {...form.getInputProps('modelId')} error={form.errors.modelId ?? form.errors.category} />
        ) : (
          <Autocomplete label={t('inspect.checklists.form.category')} placeholder={t('inspect.checklists.form.categoryPlaceholder')} withAsterisk maxLength={30} data={categories} {...form.getInputProps('category')} />
        )}
      </SimpleGrid>
      <Input.Wrapper label={t('inspect.checklists.form.items')} error={typeof form.errors.items === 'string' ? form.errors.items : undefined}>
        <Table withTableBorder verticalSpacing={6} mt={4} data-testid="checklist-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={28}>#</Table.Th>
              <Table.Th>{t('inspect.checklists.form.item.text')}</Table.Th>
              <Table.Th>{t('inspect.checklists.form.item.standard')}</Table.Th>
              <Table.Th w={250}>{t('inspect.checklists.form.item.answer')}</Table.Th>
              <Table.Th w={150}>{t('inspect.checklists.form.item.kinds')}</Table.Th>
              <Table.Th w={72} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.items.map((item, i) => (
              <ItemRow key={item.key} form={form} index={i} count={values.items.length} />
            ))}
          </Table.Tbody>
        </Table>
      </Input.Wrapper>
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={addItem}>
          {t('inspect.checklists.form.addItem')}
        </Button>
      </Group>
    </FormModal>
  );
}
