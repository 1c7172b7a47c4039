import { ActionIcon, Alert, Button, Group, Input, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { componentKeyFor } from '../../../../shared/domain/policy-presets';
import { START_BASES, policyCreateInput, type WarrantyPolicyRecord } from '../../../../shared/schemas/product';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

type Basis = (typeof START_BASES)[number];

interface Values {
  name: string;
  basis: Basis;
  components: { key: string; name: string; nameEn: string; months: number | string }[];
}

const MAX_COMPONENTS = 12;

function initialValues(t: TFunction, policy: WarrantyPolicyRecord | null): Values {
  if (policy) {
    return { name: policy.name, basis: policy.current.basis, components: policy.current.components.map((c) => ({ ...c, nameEn: c.nameEn ?? '' })) };
  }
  // Most policies start as "the whole unit, a year, from acceptance": one line to adjust.
  return { name: '', basis: 'acceptance', components: [{ key: 'whole', name: t('app.products.policies.form.wholeDefault'), nameEn: '', months: 12 }] };
}

function toInput(values: Values) {
  return {
    name: values.name,
    basis: values.basis,
    components: values.components.map((c) => ({
      // A new line's code comes from its name: the same name means the same component everywhere.
      key: c.key.trim() || componentKeyFor(c.name),
      name: c.name,
      nameEn: c.nameEn,
      // An emptied number field is "not given", which the schema reports as required.
      months: c.months === '' ? (undefined as unknown as number) : Number(c.months),
    })),
  };
}


function PolicyForm({
  policy,
  onClose,
  onSaved,
}: {
  policy: WarrantyPolicyRecord | null;
  onClose: () => void;
  onSaved: (p: WarrantyPolicyRecord) => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('policies:create');
  const update = useApiMutation('policies:update');
  const form = useForm<Values>({
    initialValues: initialValues(t, policy),
    validate: schemaValidator<Values>(policyCreateInput, t, toInput),
  });

  const handleSubmit = form.onSubmit((values) => {
    const input = toInput(values);
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, (path) => /^(name|basis|components)(\.|$)/.test(path), t, err)) notifyError(t, err);
    };
    if (policy) {
      update.mutate(
        { id: policy.id, ...input },
        {
          onSuccess: (saved) => {
            notifyDone(t('app.products.policies.updated', { name: saved.name, version: saved.current.version }));
            onSaved(saved);
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (saved) => {
          notifyDone(t('app.products.policies.created', { name: saved.name }));
          onSaved(saved);
        },
        onError,
      });
    }
  });

  const components = form.values.components;
  return (
    <FormModal
      opened
      onClose={onClose}
      size={620}
      title={t(policy ? 'app.products.policies.form.editTitle' : 'app.products.policies.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('app.products.policies.form.name')}
        placeholder={t('app.products.policies.form.namePlaceholder')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Input.Wrapper label={t('app.products.policies.form.basis')} withAsterisk error={form.errors.basis}>
        <div>
          <SegmentedControl
            aria-label={t('app.products.policies.form.basis')}
            value={form.values.basis}
            onChange={(v) => form.setFieldValue('basis', v as Basis)}
            data={START_BASES.map((b) => ({ value: b, label: t(`warrantyBasis.${b}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper
        label={t('app.products.policies.form.components')}
        description={t('app.products.policies.form.componentsHint')}
        withAsterisk
        error={form.errors.components}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
      >
        <Stack gap={6} mt={6}>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>
              {t('app.products.policies.form.componentName')}
            </Text>
            <Text size="xs" c="dimmed" w={170}>
              {t('app.products.policies.form.componentNameEn')}
            </Text>
            <Text size="xs" c="dimmed" w={130}>
              {t('app.products.policies.form.months')}
            </Text>
            <span style={{ width: 28 }} />
          </Group>
          {components.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="policy-component">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('app.products.policies.form.nameLabel', { n: i + 1 })}
                {...form.getInputProps(`components.${i}.name`)}
              />
              <TextInput
                w={170}
                aria-label={t('app.products.policies.form.nameEnLabel', { n: i + 1 })}
                {...form.getInputProps(`components.${i}.nameEn`)}
              />
              <NumberInput
                w={130}
                min={1}
                max={240}
                allowDecimal={false}
                allowNegative={false}
                aria-label={t('app.products.policies.form.monthsLabel', { n: i + 1 })}
                {...form.getInputProps(`components.${i}.months`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                disabled={i === 0}
                aria-label={t('app.products.policies.form.removeComponent', { n: i + 1 })}
                onClick={() => form.removeListItem('components', i)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              disabled={components.length >= MAX_COMPONENTS}
              onClick={() => form.insertListItem('components', { key: '', name: '', nameEn: '', months: 6 })}
            >
              {t('app.products.policies.form.addComponent')}
            </Button>
          </Group>
        </Stack>
      </Input.Wrapper>
      {policy && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} py={8}>
          <Text size="sm">{t('app.products.policies.form.versionHint', { version: policy.current.version + 1 })}</Text>
        </Alert>
      )}
    </FormModal>
  );
}

/** New warranty policy, or a new version of one: the form is mounted fresh each time it opens. */
export function PolicyFormModal({
  opened,
  policy = null,
  onClose,
  onSaved,
}: {
  opened: boolean;
  policy?: WarrantyPolicyRecord | null;
  onClose: () => void;
  onSaved: (p: WarrantyPolicyRecord) => void;
}) {
  return opened ? <PolicyForm policy={policy} onClose={onClose} onSaved={onSaved} /> : null;
}
