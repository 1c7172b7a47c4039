import { Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { EXCLUSION_REASONS, UNIT_STATUSES, exclusionInput, unitStatusInput, type Unit, type UnitStatus } from '../../../../shared/schemas/unit';
import { useApiMutation } from '../../api/client';
import { tidyDate } from '../../lib/dates';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';


interface StatusValues {
  status: UnitStatus | null;
  note: string;
}

function StatusForm({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('units:setStatus');
  const toInput = (v: StatusValues) => ({ id: unit.id, status: v.status ?? undefined, note: v.note });
  const form = useForm<StatusValues>({
    initialValues: { status: null, note: '' },
    validate: schemaValidator<StatusValues>(unitStatusInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(
      { id: unit.id, status: values.status!, note: values.note },
      {
        onSuccess: (saved) => {
          notifyDone(t('app.unit.statusChanged', { status: t(`unitStatus.${saved.status}`) }));
          onClose();
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['status', 'note'], t, err)) notifyError(t, err);
        },
      },
    ),
  );
  return (
    <FormModal opened onClose={onClose} title={t('app.unit.statusForm.title')} onSubmit={handleSubmit} saving={save.isPending} size={460}>
      <Text size="sm">
        {t('app.unit.status')}: {t(`unitStatus.${unit.status}`)}
      </Text>
      <Select
        label={t('app.unit.statusForm.status')}
        withAsterisk
        data-autofocus
        data={UNIT_STATUSES.filter((s) => s !== unit.status).map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
        {...form.getInputProps('status')}
      />
      <Textarea
        label={t('app.unit.statusForm.note')}
        placeholder={t('app.unit.statusForm.notePlaceholder')}
        autosize
        minRows={2}
        maxRows={4}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}

export function StatusModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  return opened ? <StatusForm unit={unit} onClose={onClose} /> : null;
}

/** The whole unit is its own choice (component codes start with a letter, so no clash). */
const WHOLE_UNIT = '*';

interface ExclusionValues {
  reason: string | null;
  componentKey: string;
  decidedOn: string;
  note: string;
}

function ExclusionForm({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('units:addExclusion');
  const toInput = (v: ExclusionValues) => ({
    unitId: unit.id,
    reason: v.reason ?? undefined,
    componentKey: v.componentKey === WHOLE_UNIT ? null : v.componentKey,
    decidedOn: tidyDate(v.decidedOn),
    note: v.note,
  });
  const form = useForm<ExclusionValues>({
    initialValues: { reason: null, componentKey: WHOLE_UNIT, decidedOn: todayIso(), note: '' },
    validate: schemaValidator<ExclusionValues>(exclusionInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values) as Parameters<typeof save.mutate>[0], {
      onSuccess: () => {
        notifyDone(t('app.unit.exclusionAdded'));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['reason', 'componentKey', 'decidedOn', 'note'], t, err)) notifyError(t, err);
      },
    }),
  );
  const parts = unit.policy.components.slice(1);
  const decidedOn = form.getInputProps('decidedOn');
  return (
    <FormModal opened onClose={onClose} title={t('app.unit.exclusionForm.title')} onSubmit={handleSubmit} saving={save.isPending} size={560}>
      <Text size="sm" c="dimmed">
        {t('app.unit.exclusionForm.hint')}
      </Text>
      <Select
        label={t('app.unit.exclusionForm.reason')}
        withAsterisk
        data-autofocus
        data={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`exclusionReason.${r}`) }))}
        {...form.getInputProps('reason')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('app.unit.exclusionForm.component')}
          allowDeselect={false}
          data={[
            { value: WHOLE_UNIT, label: t('app.unit.exclusionForm.wholeUnit') },
            ...parts.map((c) => ({ value: c.key, label: c.name })),
          ]}
          {...form.getInputProps('componentKey')}
        />
        <TextInput
          label={t('app.unit.exclusionForm.decidedOn')}
          withAsterisk
          placeholder={t('app.common.datePlaceholder')}
          inputMode="numeric"
          maxLength={10}
          {...decidedOn}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            form.setFieldValue('decidedOn', tidyDate(event.currentTarget.value));
            (decidedOn.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
          }}
        />
      </SimpleGrid>
      <Textarea
        label={t('app.unit.exclusionForm.note')}
        placeholder={t('app.unit.exclusionForm.notePlaceholder')}
        autosize
        minRows={2}
        maxRows={4}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}

export function ExclusionModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  return opened ? <ExclusionForm unit={unit} onClose={onClose} /> : null;
}
