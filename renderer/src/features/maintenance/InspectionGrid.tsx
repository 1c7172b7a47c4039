import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconChecks, IconDeviceFloppy, IconFlagCheck, IconTool } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_ANSWERS, rangeText, type CheckAnswer, type ChecklistItem } from '../../../../shared/domain/checklist';
import type { VisitInspection } from '../../../../shared/schemas/checklist';
import type { Visit } from '../../../../shared/schemas/maintenance';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { tidyDate, tidyTime } from '../../lib/dates';
import { fieldErrorTexts } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { openSettingsTab } from '../settings';
import { tidyOnBlur } from '../tickets';
import { initialValues, inspectionErrors, itemNeedsRepair, readReading, recordInput, type InspectionValues, type ItemValues } from './inspection-values';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The item as the reader's language names it (the English form's words when written). */
const itemText = (item: ChecklistItem) => (currentLanguage() === 'en' && item.textEn ? item.textEn : item.text);
/** Keys that answer a ticked item while its answers have focus, in the order they are shown. */
const ANSWER_KEYS: Record<string, CheckAnswer> = { '1': 'ok', '2': 'adjusted', '3': 'fault', '4': 'na' };

type Form = UseFormReturnType<InspectionValues>;
type InspectedUnit = VisitInspection['units'][number];

function AnswerCell({ form, path, item, values, readOnly }: { form: Form; path: string; item: ChecklistItem; values: ItemValues; readOnly: boolean }) {
  const { t } = useTranslation();
  const label = itemText(item);
  if (item.answer === 'check') {
    const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
      const answer = ANSWER_KEYS[e.key];
      if (answer && !readOnly) {
        e.preventDefault();
        form.setFieldValue(`${path}.answer`, answer);
      }
    };
    return (
      <SegmentedControl
        size="xs"
        aria-label={label}
        readOnly={readOnly}
        value={values.answer ?? ''}
        onChange={(answer) => form.setFieldValue(`${path}.answer`, answer as CheckAnswer)}
        onKeyDown={onKeyDown}
        color={values.answer === 'fault' ? 'red' : values.answer === 'adjusted' ? 'orange' : values.answer === 'na' ? 'gray' : 'teal'}
        data={CHECK_ANSWERS.map((a) => ({ value: a, label: t(`maintenance.inspection.answer.${a}`) }))}
        data-answer={values.answer ?? ''}
      />
    );
  }
  if (item.answer === 'reading') {
    const read = readReading(values.reading, item);
    const out = read.state === 'low' || read.state === 'high';
    const error = form.errors[`${path}.reading`] ?? (read.state === 'notNumber' ? t('maintenance.errors.readingNotNumber') : out ? t(`inspect.grid.reading.${read.state}`, { range: rangeText(item) }) : undefined);
    return (
      <TextInput
        size="xs"
        w={220}
        aria-label={label}
        readOnly={readOnly}
        inputMode="decimal"
        autoComplete="off"
        placeholder={rangeText(item)}
        rightSection={item.unit ? <Text size="xs">{item.unit}</Text> : undefined}
        rightSectionWidth={item.unit ? 48 : undefined}
        description={out || read.state === 'notNumber' ? undefined : t('inspect.grid.range', { range: rangeText(item) || t('inspect.grid.noRange') })}
        // The range and the refusal sit under the number, as on the paper form.
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        data-reading-state={read.state}
        value={values.reading}
        onChange={(e) => form.setFieldValue(`${path}.reading`, e.currentTarget.value)}
      />
    );
  }
  return <TextInput size="xs" aria-label={label} readOnly={readOnly} maxLength={500} {...form.getInputProps(`${path}.text`)} />;
}

function RepairCell({ item, values, finding, onOpen, busy }: { item: ChecklistItem; values: ItemValues; finding: InspectedUnit['findings'][number] | undefined; onOpen: () => void; busy: boolean }) {
  const { t } = useTranslation();
  if (finding?.ticketId) {
    return (
      <Anchor component="button" type="button" size="sm" ff="monospace" style={nowrap} onClick={() => navigate({ section: 'ticket', id: finding.ticketId! })} data-testid="finding-ticket">
        {finding.ticketNumber}
      </Anchor>
    );
  }
  if (!itemNeedsRepair(item, values)) return null;
  return (
    <Button size="compact-xs" variant="light" color="red" leftSection={<IconTool size={12} />} loading={busy} onClick={onOpen} aria-label={`${t('inspect.grid.openTicket')} ${itemText(item)}`}>
      {t('inspect.grid.openTicket')}
    </Button>
  );
}

function UnitGrid({
  form,
  index,
  unit,
  site,
  readOnly,
  opening,
  onOpenTicket,
}: {
  form: Form;
  index: number;
  unit: InspectedUnit;
  site: string | null;
  readOnly: boolean;
  opening: string | null;
  onOpenTicket: (unitIndex: number, key: string) => void;
}) {
  const { t } = useTranslation();
  const items = unit.checklist?.items ?? [];
  const values = form.getValues().units[index]!;
  const allOk = () => {
    values.items.forEach((v, i) => {
      if (items[i]?.answer === 'check' && v.answer === null) form.setFieldValue(`units.${index}.items.${i}.answer`, 'ok');
    });
  };
  return (
    <Paper withBorder p="sm" data-testid="inspection-unit" data-unit={unit.serial}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={3} fz="md" fw={600} lineClamp={1} title={unit.label}>
            {unit.label}
          </Title>
          <Text size="sm" ff="monospace" style={nowrap}>
            {unit.serial}
          </Text>
          {site && (
            <Text size="xs" c="dimmed" lineClamp={1} title={site}>
              {site}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" truncate maw={360} title={t('inspect.grid.checklist', { name: unit.checklist!.name, version: unit.checklist!.version })}>
            {t('inspect.grid.checklist', { name: unit.checklist!.name, version: unit.checklist!.version })}
          </Text>
          {!readOnly && (
            <Button size="compact-sm" variant="default" leftSection={<IconChecks size={14} />} onClick={allOk} aria-label={`${t('inspect.grid.allOk')} ${unit.serial}`}>
              {t('inspect.grid.allOk')}
            </Button>
          )}
        </Group>
      </Group>
      <Table withTableBorder verticalSpacing={4} data-testid="inspection-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28}>#</Table.Th>
            <Table.Th>{t('inspect.grid.columns.item')}</Table.Th>
            <Table.Th w={280}>{t('inspect.grid.columns.answer')}</Table.Th>
            <Table.Th w={170}>{t('inspect.grid.columns.remark')}</Table.Th>
            <Table.Th w={150}>{t('inspect.grid.columns.repair')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => {
            const path = `units.${index}.items.${i}`;
            const v = values.items[i]!;
            const flagged = itemNeedsRepair(item, v);
            // The remark is asked for where something was found; a clean item is one Tab stop.
            const remark = flagged || v.answer === 'adjusted' || v.remark !== '';
            return (
              <Table.Tr key={item.key} data-item={item.key} data-flagged={flagged || undefined} bg={flagged ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {itemText(item)}
                  </Text>
                  <Text size="xs" c="dimmed" data-prose>
                    {item.standard}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AnswerCell form={form} path={path} item={item} values={v} readOnly={readOnly} />
                </Table.Td>
                <Table.Td>
                  {remark && <TextInput size="xs" aria-label={`${t('inspect.grid.columns.remark')} ${itemText(item)}`} readOnly={readOnly} maxLength={200} {...form.getInputProps(`${path}.remark`)} />}
                </Table.Td>
                <Table.Td>
                  <RepairCell item={item} values={v} finding={unit.findings.find((f) => f.key === item.key)} busy={opening === `${unit.unitId}:${item.key}`} onOpen={() => onOpenTicket(index, item.key)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * Recording an inspection, keyboard first: Tab goes from one item's answer to the next (← → or
 * 1–4 answer a ticked item), readings are checked against their range as they are typed, and a
 * fault or a reading out of range offers a repair ticket. Ctrl+S saves.
 */
export function InspectionGrid({ visit, inspection, sites }: { visit: Visit; inspection: VisitInspection; sites: Map<number, string | null> }) {
  const { t } = useTranslation();
  const readOnly = visit.status !== 'due';
  const record = useApiMutation('visits:record');
  const openTicket = useApiMutation('visits:openTicket');
  const technicians = useApiQuery('technicians:list', { includeInactive: false });
  const [opening, setOpening] = useState<string | null>(null);
  const listed = inspection.units.filter((u) => u.checklist !== null);
  const missing = inspection.units.filter((u) => u.checklist === null);
  const itemsOf = (u: number) => listed[u]?.checklist?.items ?? [];
  const form = useForm<InspectionValues>({
    mode: 'controlled',
    initialValues: initialValues(inspection, visit),
    validate: (values) => inspectionErrors(t, values, itemsOf),
  });

  /** Saves what is on screen; resolves false when it was refused (the reasons are shown). */
  const save = async (finish: boolean): Promise<boolean> => {
    if (form.validate().hasErrors) return false;
    const values = form.getValues();
    const { input, formPath } = recordInput(visit.id, values, itemsOf, finish);
    try {
      await record.mutateAsync(input);
      form.resetDirty();
      return true;
    } catch (err) {
      const fields = Object.entries(fieldErrorTexts(t, err));
      if (fields.length > 0) form.setErrors(Object.fromEntries(fields.map(([path, text]) => [formPath(path), text])));
      else notifyError(t, err);
      return false;
    }
  };
  const submit = (finish: boolean) => {
    if (record.isPending) return;
    void save(finish).then((ok) => ok && notifyDone(t(finish ? 'inspect.saved.finished' : 'inspect.saved.draft', { number: visit.number })));
  };
  // The finding must be saved before it can become a ticket: save first, then open it.
  const onOpenTicket = async (u: number, key: string) => {
    const unitId = listed[u]!.unitId;
    setOpening(`${unitId}:${key}`);
    try {
      if ((form.isDirty() || !listed[u]!.findings.some((f) => f.key === key)) && !(await save(false))) return;
      const ticket = await openTicket.mutateAsync({ id: visit.id, unitId, key });
      notifyDone(t('inspect.grid.ticketOpened', { number: ticket.number }));
    } catch (err) {
      notifyError(t, err);
    } finally {
      setOpening(null);
    }
  };

  const timeField = (name: 'arrived' | 'left') => ({
    ...tidyOnBlur(form.getInputProps(name), tidyTime, (v) => form.setFieldValue(name, v)),
    readOnly,
    maxLength: 5,
    w: 96,
    placeholder: t('inspect.fields.timePlaceholder'),
  });
  const technicianOptions = [{ value: '', label: t('maintenance.visits.assign.nobody') }, ...(technicians.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))];
  if (visit.technicianId !== null && !technicianOptions.some((o) => o.value === String(visit.technicianId))) {
    technicianOptions.push({ value: String(visit.technicianId), label: visit.technicianName ?? String(visit.technicianId) });
  }

  return (
    <form
      noValidate
      data-testid="inspection-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      onKeyDown={getHotkeyHandler([['mod+S', () => submit(false)]])}
    >
      <Stack gap="sm">
        {!readOnly && (
          <Text size="xs" c="dimmed">
            {t('inspect.grid.keys')}
          </Text>
        )}
        {missing.length > 0 && (
          <Alert color="yellow" variant="light" py={8} data-testid="inspection-no-checklist">
            <Group gap={6}>
              <Text size="sm" span>
                {t('inspect.grid.noChecklist', { units: missing.map((u) => `${u.label} ${u.serial}`).join(t('app.common.listSeparator')) })}
              </Text>
              <Anchor component="button" type="button" size="sm" fw={600} onClick={() => openSettingsTab('checklists')}>
                {t('inspect.grid.openChecklists')}
              </Anchor>
            </Group>
          </Alert>
        )}
        {listed.map((unit, i) => (
          <UnitGrid key={unit.unitId} form={form} index={i} unit={unit} site={sites.get(unit.unitId) ?? null} readOnly={readOnly} opening={opening} onOpenTicket={(u, key) => void onOpenTicket(u, key)} />
        ))}
        <Paper withBorder p="sm">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="xs">
            <Textarea label={t('inspect.fields.fixedOnSpot')} autosize minRows={2} maxRows={5} maxLength={1000} readOnly={readOnly} {...form.getInputProps('fixedOnSpot')} />
            <Textarea label={t('inspect.fields.advice')} autosize minRows={2} maxRows={5} maxLength={1000} readOnly={readOnly} {...form.getInputProps('advice')} />
            <Textarea label={t('inspect.fields.feedback')} autosize minRows={2} maxRows={5} maxLength={1000} readOnly={readOnly} {...form.getInputProps('feedback')} />
            <Stack gap="xs">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <TextInput label={t('inspect.fields.signedBy')} maxLength={50} readOnly={readOnly} style={{ flex: 1 }} {...form.getInputProps('signedBy')} />
                <Select label={t('inspect.fields.technician')} data={technicianOptions} allowDeselect={false} searchable readOnly={readOnly} style={{ flex: 1 }} {...form.getInputProps('technicianId')} />
              </Group>
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('inspect.fields.date')}
                  placeholder={t('app.common.dateExample')}
                  maxLength={10}
                  w={132}
                  readOnly={readOnly}
                  {...tidyOnBlur(form.getInputProps('date'), tidyDate, (v) => form.setFieldValue('date', v))}
                />
                <TextInput label={t('inspect.fields.arrived')} {...timeField('arrived')} />
                <TextInput label={t('inspect.fields.left')} {...timeField('left')} />
              </Group>
            </Stack>
          </SimpleGrid>
        </Paper>
        {!readOnly && (
          <Group justify="flex-end" gap="sm">
            {form.isDirty() && (
              <Badge size="sm" variant="light" color="orange" tt="none">
                {t('inspect.grid.unsaved')}
              </Badge>
            )}
            <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={record.isPending && !record.variables?.finish}>
              {t('inspect.grid.save')}
            </Button>
            <Button leftSection={<IconFlagCheck size={16} />} loading={record.isPending && record.variables?.finish} onClick={() => submit(true)}>
              {t('inspect.grid.finish')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
