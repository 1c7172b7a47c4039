import { Checkbox, Divider, Input, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { serviceLevelName } from '../../../../shared/domain/service-levels';
import { formatPhone } from '../../../../shared/format';
import { CONTRACT_KINDS, contractCreateInput, type ContractDetail, type ContractKind } from '../../../../shared/schemas/maintenance';
import type { Unit } from '../../../../shared/schemas/unit';
import { useApiMutation, useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { tidyDate } from '../../lib/dates';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { moneyError } from '../../lib/money';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import {
  contractInput,
  contractValues,
  defaultEnd,
  followDates,
  formPath,
  newContractValues,
  parseOffsets,
  presetLines,
  renamePaths,
  type ContractValues,
  type Preset,
  type ContractStart,
} from './contract-form';
import { useWorkingCalendar } from './labels';
import { PlanEditor } from './PlanEditor';
import { PlanPreview } from './PlanPreview';

/** Units that left the customer are not covered by a new contract. */
const GONE: readonly Unit['status'][] = ['replaced', 'scrapped', 'returned'];
const FIELDS = new Set(['customerId', 'unitIds', 'kind', 'startsOn', 'endsOn', 'serviceLevelId', 'price', 'paymentTerms', 'note']);
const isFormPath = (path: string) => FIELDS.has(formPath(path)) || /^plan\.\d+\.(kind|repeat|n|offsets|from|to)$/.test(formPath(path));

/** The caller is found as the search box finds them (name, phone, pinyin); the chosen one stays in the list. */
function useCustomerOptions(search: string, chosen: string | null) {
  const [query] = useDebouncedValue(search.trim(), 150);
  const list = useApiQuery('customers:list', { query, limit: 20 }, { placeholderData: (previous) => previous });
  const picked = useApiQuery('customers:get', { id: Number(chosen) }, { enabled: chosen !== null });
  const options = (list.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${formatPhone(c.phone)}` }));
  const p = picked.data;
  if (p && !options.some((o) => o.value === String(p.id))) options.unshift({ value: String(p.id), label: `${p.name} · ${formatPhone(p.phone)}` });
  return options;
}

function extraErrors(t: (key: string) => string, v: ContractValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const price = moneyError(t as never, v.price, false);
  if (price) errors.price = price;
  v.plan.forEach((line, i) => {
    if (line.repeat !== 'after') return;
    const months = parseOffsets(line.offsets);
    if (months === null || months.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) errors[`plan.${i}.offsets`] = t('maintenance.form.offsetsInvalid');
  });
  return errors;
}

function ContractForm({ contract, customerId, start, onClose }: { contract: ContractDetail | null; customerId: number | null; start: ContractStart | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('contracts:create');
  const update = useApiMutation('contracts:update');
  const calendar = useWorkingCalendar();
  const levels = useApiQuery('serviceLevels:list', {});
  // A new contract starts from the seeds' standard plan; an existing one from its own lines.
  const [preset, setPreset] = useState<Preset | null>(contract ? null : 'standard');
  const [customerSearch, setCustomerSearch] = useState('');
  const form = useForm<ContractValues>({
    initialValues: contract ? contractValues(contract) : newContractValues(customerId, 'standard', start),
    validate: (values) => ({ ...renamePaths(schemaValidator<ContractValues>(contractCreateInput, t, contractInput)(values)), ...extraErrors(t, values) }),
  });
  const customers = useCustomerOptions(customerSearch, form.values.customerId);
  const units = useApiQuery('units:listByCustomer', { customerId: Number(form.values.customerId) }, { enabled: form.values.customerId !== null });

  const chooseCustomer = (value: string | null) => {
    form.setFieldValue('customerId', value);
    form.setFieldValue('unitIds', []);
  };
  // The customer's only unit in use is the one the contract is for.
  const unitList = form.values.customerId !== null ? units.data : undefined;
  const onlyUnit = !contract && unitList && unitList.filter((u) => !GONE.includes(u.status)).length === 1 ? String(unitList.find((u) => !GONE.includes(u.status))!.id) : null;
  useEffect(() => {
    if (onlyUnit !== null) form.setFieldValue('unitIds', [onlyUnit]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the customer's units arrive
  }, [onlyUnit]);

  /** A rebuilt plan answers what was said about the old one's lines. */
  const setPlan = (plan: ContractValues['plan']) => {
    form.setFieldValue('plan', plan);
    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([path]) => !path.startsWith('plan.'))));
  };
  const applyPreset = (p: Preset) => {
    setPreset(p);
    const start = tidyDate(form.values.startsOn);
    const end = tidyDate(form.values.endsOn);
    if (isIsoDate(start) && isIsoDate(end)) setPlan(presetLines(p, start, end));
  };
  // The dates as last settled (on leaving the field), which the plan's lines were made from.
  const [settled, setSettled] = useState({ startsOn: form.values.startsOn, endsOn: form.values.endsOn });
  /** New contract dates: the end follows a changed start unless it was typed, the plan follows both. */
  const settleDates = (field: 'startsOn' | 'endsOn', typed: string) => {
    const before = settled;
    const after = { ...before, [field]: tidyDate(typed) };
    if (field === 'startsOn' && after.startsOn !== before.startsOn && isIsoDate(after.startsOn) && isIsoDate(before.startsOn) && before.endsOn === defaultEnd(before.startsOn)) {
      after.endsOn = defaultEnd(after.startsOn);
    }
    setSettled(after);
    form.setValues({ startsOn: after.startsOn, endsOn: after.endsOn });
    if (!isIsoDate(after.startsOn) || !isIsoDate(after.endsOn) || (after.startsOn === before.startsOn && after.endsOn === before.endsOn)) return;
    setPlan(preset ? presetLines(preset, after.startsOn, after.endsOn) : followDates(form.values.plan, before, after));
  };
  const dateField = (field: 'startsOn' | 'endsOn') => {
    const props = form.getInputProps(field);
    return {
      ...props,
      onBlur: (e: FocusEvent<HTMLInputElement>) => {
        settleDates(field, e.currentTarget.value);
        (props.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(e);
      },
    };
  };

  const saving = create.isPending || update.isPending;
  const fail = (err: unknown) => {
    if (!showServerFieldErrors({ setErrors: (e) => form.setErrors(renamePaths(e)) }, isFormPath, t, err)) notifyError(t, err);
  };
  const submit = form.onSubmit((values) => {
    const input = contractInput(values);
    if (contract) {
      update.mutate(
        { id: contract.id, ...input },
        {
          onSuccess: (saved) => {
            notifyDone(t('maintenance.form.saved', { number: saved.number }));
            onClose();
          },
          onError: fail,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (saved) => {
          notifyDone(t('maintenance.form.created', { number: saved.number }));
          onClose();
          navigate({ section: 'contract', id: saved.id });
        },
        onError: fail,
      });
    }
  });

  const levelOptions = [{ value: '', label: t('maintenance.form.serviceLevelNone') }, ...(levels.data ?? []).map((l) => ({ value: String(l.id), label: serviceLevelName(l.name, t) }))];
  const unitsInput = form.getInputProps('unitIds');

  return (
    <FormModal
      opened
      onClose={onClose}
      size={880}
      title={contract ? t('maintenance.form.editTitle', { number: contract.number }) : t('maintenance.form.createTitle')}
      onSubmit={submit}
      saving={saving}
    >
      {contract ? (
        <Input.Wrapper label={t('maintenance.form.customer')}>
          <Text size="sm" fw={600}>
            {contract.customerName}
          </Text>
        </Input.Wrapper>
      ) : (
        <Select
          label={t('maintenance.form.customer')}
          placeholder={t('maintenance.form.customerPlaceholder')}
          withAsterisk
          searchable
          searchValue={customerSearch}
          onSearchChange={setCustomerSearch}
          // The backend already matched name, phone and pinyin; filtering again by label would drop pinyin hits.
          filter={({ options }) => options}
          nothingFoundMessage={t('maintenance.form.noCustomer')}
          data={customers}
          data-autofocus={customerId === null ? true : undefined}
          {...form.getInputProps('customerId')}
          onChange={chooseCustomer}
        />
      )}
      <Checkbox.Group label={t('maintenance.form.units')} withAsterisk value={form.values.unitIds} onChange={(v) => form.setFieldValue('unitIds', v)} error={unitsInput.error} data-testid="contract-units">
        {form.values.customerId === null ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('maintenance.form.unitsPick')}
          </Text>
        ) : unitList && unitList.length === 0 ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('maintenance.form.unitsNone')}
          </Text>
        ) : (
          <Paper withBorder mt={4} px="sm" py={6}>
            <ScrollArea.Autosize mah={132} type="auto">
              <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
                {(unitList ?? []).map((u) => {
                  const gone = GONE.includes(u.status);
                  const chosen = form.values.unitIds.includes(String(u.id));
                  return (
                    <Checkbox
                      key={u.id}
                      value={String(u.id)}
                      disabled={gone && !chosen}
                      label={`${u.brand} ${u.model} · ${u.serial}`}
                      description={gone ? t('maintenance.form.unitGone') : (u.siteAddress ?? undefined)}
                      styles={{ label: { overflowWrap: 'anywhere' }, description: { overflowWrap: 'anywhere' } }}
                    />
                  );
                })}
              </SimpleGrid>
            </ScrollArea.Autosize>
          </Paper>
        )}
      </Checkbox.Group>
      <SimpleGrid cols={3} spacing="sm">
        <Input.Wrapper label={t('maintenance.form.kind')}>
          <div>
            <SegmentedControl
              fullWidth
              aria-label={t('maintenance.form.kind')}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue('kind', v as ContractKind)}
              data={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`maintenance.contract.kindShort.${k}`) }))}
            />
          </div>
        </Input.Wrapper>
        <TextInput label={t('maintenance.form.startsOn')} withAsterisk inputMode="numeric" maxLength={10} data-autofocus={customerId !== null && !contract ? true : undefined} {...dateField('startsOn')} />
        <TextInput label={t('maintenance.form.endsOn')} withAsterisk inputMode="numeric" maxLength={10} title={t('maintenance.form.endsOnHint')} {...dateField('endsOn')} />
        <Select
          label={t('maintenance.form.serviceLevel')}
          allowDeselect={false}
          data={levelOptions}
          {...form.getInputProps('serviceLevelId')}
          value={form.values.serviceLevelId ?? ''}
          onChange={(v) => form.setFieldValue('serviceLevelId', v || null)}
        />
        <MoneyInput label={t('maintenance.form.price')} {...form.getInputProps('price')} />
        <TextInput label={t('maintenance.form.paymentTerms')} placeholder={t('maintenance.form.paymentTermsPlaceholder')} {...form.getInputProps('paymentTerms')} />
      </SimpleGrid>
      <Textarea label={t('maintenance.form.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
      <Divider label={t('maintenance.form.plan')} labelPosition="left" />
      <Stack gap="xs">
        <PlanEditor form={form} preset={preset} onPreset={applyPreset} onEdited={() => setPreset(null)} />
        <PlanPreview lines={form.values.plan} calendar={calendar} />
      </Stack>
    </FormModal>
  );
}

/** A new maintenance contract (for a customer when opened from their page), or changes to one. */
/** `start`: a contract for one unit from a given day (a unit's warranty ending with no contract after it). */
export function ContractFormModal({
  opened,
  onClose,
  contract = null,
  customerId = null,
  start = null,
}: {
  opened: boolean;
  onClose: () => void;
  contract?: ContractDetail | null;
  customerId?: number | null;
  start?: ContractStart | null;
}) {
  return opened ? <ContractForm contract={contract} customerId={customerId} start={start} onClose={onClose} /> : null;
}
