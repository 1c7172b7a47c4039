import { Autocomplete, Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelCreateInput, type ProductModel } from '../../../../shared/schemas/product';
import { useApiMutation, useApiQuery } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { policySummary } from './policyText';
import { PolicyFormModal } from './PolicyFormModal';

interface Values {
  brand: string;
  model: string;
  category: string;
  policyId: string | null;
}
const FIELDS = ['brand', 'model', 'category', 'policyId'] as const;

function toInput(values: Values) {
  return {
    brand: values.brand,
    model: values.model,
    category: values.category,
    policyId: values.policyId ? Number(values.policyId) : (undefined as unknown as number),
  };
}

function ModelForm({ model, onClose, onSaved }: { model: ProductModel | null; onClose: () => void; onSaved: (m: ProductModel) => void }) {
  const { t } = useTranslation();
  const policies = useApiQuery('policies:list', {});
  const models = useApiQuery('models:list', { query: '' });
  const create = useApiMutation('models:create');
  const update = useApiMutation('models:update');
  const [newPolicy, setNewPolicy] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      brand: model?.brand ?? '',
      model: model?.model ?? '',
      category: model?.category ?? '',
      policyId: model ? String(model.policyId) : null,
    },
    validate: schemaValidator<Values>(modelCreateInput, t, toInput),
  });

  const policyList = policies.data ?? [];
  const selectedPolicyId = form.values.policyId;
  const categories = useMemo(() => [...new Set((models.data ?? []).map((m) => m.category))].sort(), [models.data]);
  const chosen = policyList.find((p) => String(p.id) === selectedPolicyId);

  const handleSubmit = form.onSubmit((values) => {
    const input = toInput(values);
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
    };
    const done = (saved: ProductModel) => {
      notifyDone(t(model ? 'app.products.models.updated' : 'app.products.models.created', { brand: saved.brand, model: saved.model }));
      onSaved(saved);
    };
    if (model) update.mutate({ id: model.id, ...input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  });

  return (
    <>
      <FormModal
        opened
        onClose={onClose}
        size={560}
        title={t(model ? 'app.products.models.form.editTitle' : 'app.products.models.form.createTitle')}
        onSubmit={handleSubmit}
        saving={create.isPending || update.isPending}
      >
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <TextInput label={t('app.products.models.form.brand')} withAsterisk data-autofocus {...form.getInputProps('brand')} />
          <TextInput label={t('app.products.models.form.model')} withAsterisk spellCheck={false} {...form.getInputProps('model')} />
        </SimpleGrid>
        <Autocomplete
          label={t('app.products.models.form.category')}
          placeholder={t('app.products.models.form.categoryPlaceholder')}
          withAsterisk
          data={categories}
          {...form.getInputProps('category')}
        />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={t('app.products.models.form.policy')}
            placeholder={t('app.products.models.form.policyPlaceholder')}
            withAsterisk
            data={policyList.map((p) => ({ value: String(p.id), label: p.name }))}
            nothingFoundMessage={t('app.products.models.form.noPolicies')}
            {...form.getInputProps('policyId')}
          />
          <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setNewPolicy(true)} mb={form.errors.policyId ? 22 : 0}>
            {t('app.products.models.form.newPolicy')}
          </Button>
        </Group>
        {chosen && (
          <Text size="xs" c="dimmed" mt={-6} data-testid="model-policy-terms">
            {t(`warrantyBasis.${chosen.current.basis}`)} · {policySummary(t, chosen.current.components)}
          </Text>
        )}
        {policies.isSuccess && policyList.length === 0 && (
          <Text size="xs" c="orange.8" mt={-6}>
            {t('app.products.models.form.noPolicies')}
          </Text>
        )}
        {model && model.unitCount > 0 && (
          <Text size="xs" c="dimmed">
            {t('app.products.models.form.policyChangeHint')}
          </Text>
        )}
      </FormModal>
      {/* Outside the form: React events bubble through portals, and a nested submit must not save this form too. */}
      <PolicyFormModal
        opened={newPolicy}
        onClose={() => setNewPolicy(false)}
        onSaved={(p) => {
          setNewPolicy(false);
          form.setFieldValue('policyId', String(p.id));
        }}
      />
    </>
  );
}

/** New product model, or edit one: the form is mounted fresh each time it opens. */
export function ModelFormModal({
  opened,
  model = null,
  onClose,
  onSaved,
}: {
  opened: boolean;
  model?: ProductModel | null;
  onClose: () => void;
  onSaved: (m: ProductModel) => void;
}) {
  return opened ? <ModelForm model={model} onClose={onClose} onSaved={onSaved} /> : null;
}
