import { ActionIcon, Button, Group, Input, Radio, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/validation';
import {
  CUSTOMER_KINDS,
  REGIONS,
  customerCreateInput,
  type Customer,
  type CustomerCreateInput,
  type CustomerKind,
  type Region,
} from '../../../../shared/schemas/customer';
import { useApiMutation } from '../../api/client';
import { fieldErrorTexts, translateFieldMessages } from '../../lib/errorText';
import { FormModal } from '../../ui/FormModal';
import { notifyDone, notifyError } from '../../lib/notify';

interface Values {
  kind: CustomerKind;
  name: string;
  region: Region;
  phones: { phone: string; label: string }[];
  addresses: { address: string; isDefault: boolean }[];
  contacts: { name: string; role: string; phone: string }[];
  tags: string[];
  note: string;
}

const MAX_PHONES = 10;
const MAX_ADDRESSES = 10;
const MAX_CONTACTS = 20;

/** What the search knew about a new caller. */
export interface CustomerPrefill {
  phone?: string;
  name?: string;
}

function initialValues(customer: Customer | null, prefill: CustomerPrefill = {}): Values {
  const addresses = customer?.addresses.length ? customer.addresses.map((a) => ({ ...a })) : [{ address: '', isDefault: true }];
  return {
    kind: customer?.kind ?? 'person',
    name: customer?.name ?? prefill.name ?? '',
    region: customer?.region ?? 'urban',
    phones: customer?.phones.length ? customer.phones.map((p) => ({ phone: p.phone, label: p.label ?? '' })) : [{ phone: prefill.phone ?? '', label: '' }],
    addresses,
    contacts: customer?.contacts.map((c) => ({ name: c.name, role: c.role ?? '', phone: c.phone ?? '' })) ?? [],
    tags: customer?.tags ?? [],
    note: customer?.note ?? '',
  };
}

const blank = (...texts: string[]) => texts.every((s) => s.trim() === '');

/**
 * The rows the clerk left empty are not sent (a fresh form has one empty address row). The
 * kept rows' original positions are remembered, so an error on `phones.0.phone` of the input
 * lands under the row the clerk typed it in.
 */
function toInput(values: Values): { input: CustomerCreateInput; rows: Record<'phones' | 'addresses' | 'contacts', number[]> } {
  const keep = <T,>(list: T[], isBlank: (x: T) => boolean) => list.map((x, i) => [x, i] as const).filter(([x]) => !isBlank(x));
  const phones = keep(values.phones, (p) => blank(p.phone, p.label));
  const addresses = keep(values.addresses, (a) => blank(a.address));
  const contacts = keep(values.contacts, (c) => blank(c.name, c.role, c.phone));
  return {
    input: {
      kind: values.kind,
      name: values.name,
      region: values.region,
      phones: phones.map(([p]) => ({ phone: p.phone, label: p.label })),
      addresses: addresses.map(([a]) => ({ address: a.address, isDefault: a.isDefault })),
      contacts: contacts.map(([c]) => ({ name: c.name, role: c.role, phone: c.phone })),
      tags: values.tags,
      note: values.note,
    },
    rows: { phones: phones.map(([, i]) => i), addresses: addresses.map(([, i]) => i), contacts: contacts.map(([, i]) => i) },
  };
}

/** Error paths of the input, put back on the form's rows; "no phone at all" goes under the first. */
function toFormErrors(texts: Record<string, string>, rows: Record<string, number[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(texts)) {
    const [list, index, ...rest] = path.split('.');
    const map = list ? rows[list] : undefined;
    let formPath = path;
    if (path === 'phones') formPath = 'phones.0.phone';
    else if (map && index !== undefined && /^\d+$/.test(index)) formPath = [list, map[Number(index)] ?? index, ...rest].join('.');
    out[formPath] = out[formPath] ? `${out[formPath]} ${text}` : text;
  }
  return out;
}

const FORM_FIELDS = /^(kind|name|region|phones|addresses|contacts|tags|note)(\.|$)/;

function Section({ label, hint, required, error, children }: { label: string; hint?: string; required?: boolean; error?: ReactNode; children: ReactNode }) {
  return (
    <Input.Wrapper label={label} description={hint} withAsterisk={required} error={error} inputWrapperOrder={['label', 'description', 'input', 'error']}>
      <Stack gap={6} mt={4}>
        {children}
      </Stack>
    </Input.Wrapper>
  );
}

function RemoveButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} title={label} onClick={onClick} disabled={disabled} mt={4}>
      <IconX size={16} />
    </ActionIcon>
  );
}

function AddButton({ children, onClick, disabled }: { children: ReactNode; onClick: () => void; disabled?: boolean }) {
  return (
    <Group>
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={onClick} disabled={disabled}>
        {children}
      </Button>
    </Group>
  );
}

function validator(t: TFunction) {
  return (values: Values) => {
    const { input, rows } = toInput(values);
    const parsed = customerCreateInput.safeParse(input);
    return parsed.success ? {} : toFormErrors(translateFieldMessages(t, fieldErrors(parsed.error)), rows);
  };
}

interface FormProps {
  customer: Customer | null;
  onClose: () => void;
  onSaved: (c: Customer) => void;
  prefill?: CustomerPrefill;
  /** A new caller's form says it goes on to the repair. */
  forCaller?: boolean;
}

function CustomerForm({ customer, onClose, onSaved, prefill, forCaller = false }: FormProps) {
  const { t } = useTranslation();
  const create = useApiMutation('customers:create');
  const update = useApiMutation('customers:update');
  const form = useForm<Values>({ initialValues: initialValues(customer, prefill), validate: validator(t) });

  const handleSubmit = form.onSubmit((values) => {
    const { input, rows } = toInput(values);
    const done = (saved: Customer) => {
      notifyDone(t(customer ? 'app.customers.updated' : 'app.customers.created', { name: saved.name }));
      onSaved(saved);
    };
    const onError = (err: unknown) => {
      const known = Object.fromEntries(Object.entries(toFormErrors(fieldErrorTexts(t, err), rows)).filter(([path]) => FORM_FIELDS.test(path)));
      if (Object.keys(known).length > 0) form.setErrors(known);
      else notifyError(t, err);
    };
    if (customer) update.mutate({ id: customer.id, ...input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  });

  const { phones, addresses, contacts } = form.values;
  const setDefaultAddress = (index: number) =>
    form.setFieldValue(
      'addresses',
      addresses.map((a, i) => ({ ...a, isDefault: i === index })),
    );
  const removeAddress = (index: number) => {
    const rest = addresses.filter((_, i) => i !== index);
    // The default went with the removed row: the first one left becomes the default.
    if (rest.length > 0 && !rest.some((a) => a.isDefault)) rest[0] = { ...rest[0]!, isDefault: true };
    form.setFieldValue('addresses', rest);
  };
  const tagErrors = Object.entries(form.errors)
    .filter(([path]) => path === 'tags' || path.startsWith('tags.'))
    .map(([, text]) => text);

  return (
    <FormModal
      opened
      onClose={onClose}
      size={720}
      title={t(customer ? 'app.customers.form.editTitle' : forCaller ? 'app.customers.form.callerTitle' : 'app.customers.form.createTitle')}
      submitLabel={forCaller ? t('app.customers.form.saveAndRepair') : undefined}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput style={{ flex: 1 }} label={t('app.customers.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Input.Wrapper label={t('app.customers.form.kind')}>
          <div>
            <SegmentedControl
              aria-label={t('app.customers.form.kind')}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue('kind', v as CustomerKind)}
              data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customerKind.${k}`) }))}
            />
          </div>
        </Input.Wrapper>
        <Input.Wrapper label={t('app.customers.form.region')} title={t('app.customers.form.regionHint')}>
          <div>
            <SegmentedControl
              aria-label={t('app.customers.form.region')}
              value={form.values.region}
              onChange={(v) => form.setFieldValue('region', v as Region)}
              data={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
            />
          </div>
        </Input.Wrapper>
      </Group>

      <Section label={t('app.customers.form.phones')} hint={t('app.customers.form.phoneHint')} required>
        {phones.map((_, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              w={230}
              inputMode="tel"
              autoComplete="off"
              aria-label={t('app.customers.form.phone', { n: i + 1 })}
              placeholder={t('app.customers.form.phonePlaceholder')}
              {...form.getInputProps(`phones.${i}.phone`)}
            />
            <TextInput
              w={200}
              aria-label={t('app.customers.form.phoneLabel', { n: i + 1 })}
              placeholder={t('app.customers.form.phoneLabelPlaceholder')}
              {...form.getInputProps(`phones.${i}.label`)}
            />
            <RemoveButton
              label={t('app.customers.form.removePhone', { n: i + 1 })}
              disabled={phones.length === 1}
              onClick={() => form.removeListItem('phones', i)}
            />
          </Group>
        ))}
        <AddButton disabled={phones.length >= MAX_PHONES} onClick={() => form.insertListItem('phones', { phone: '', label: '' })}>
          {t('app.customers.form.addPhone')}
        </AddButton>
      </Section>

      <Section label={t('app.customers.form.addresses')} hint={t('app.customers.form.addressHint')} error={form.errors.addresses}>
        {addresses.map((a, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Radio
              mt={8}
              checked={a.isDefault}
              onChange={() => setDefaultAddress(i)}
              label={t('app.customer.defaultAddress')}
              aria-label={`${t('app.customers.form.address', { n: i + 1 })} ${t('app.customer.defaultAddress')}`}
              styles={{ label: { paddingInlineStart: 4, fontSize: 'var(--mantine-font-size-xs)' } }}
            />
            <TextInput style={{ flex: 1 }} aria-label={t('app.customers.form.address', { n: i + 1 })} {...form.getInputProps(`addresses.${i}.address`)} />
            <RemoveButton label={t('app.customers.form.removeAddress', { n: i + 1 })} onClick={() => removeAddress(i)} />
          </Group>
        ))}
        <AddButton
          disabled={addresses.length >= MAX_ADDRESSES}
          onClick={() => form.insertListItem('addresses', { address: '', isDefault: addresses.length === 0 })}
        >
          {t('app.customers.form.addAddress')}
        </AddButton>
      </Section>

      <Section label={t('app.customers.form.contacts')} hint={t('app.customers.form.contactsHint')}>
        {contacts.map((_, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              w={160}
              aria-label={t('app.customers.form.contactName', { n: i + 1 })}
              placeholder={t('app.customers.form.contactNamePlaceholder')}
              {...form.getInputProps(`contacts.${i}.name`)}
            />
            <TextInput
              w={160}
              aria-label={t('app.customers.form.contactRole', { n: i + 1 })}
              placeholder={t('app.customers.form.contactRolePlaceholder')}
              {...form.getInputProps(`contacts.${i}.role`)}
            />
            <TextInput
              style={{ flex: 1 }}
              inputMode="tel"
              aria-label={t('app.customers.form.contactPhone', { n: i + 1 })}
              placeholder={t('app.customers.form.contactPhonePlaceholder')}
              {...form.getInputProps(`contacts.${i}.phone`)}
            />
            <RemoveButton label={t('app.customers.form.removeContact', { n: i + 1 })} onClick={() => form.removeListItem('contacts', i)} />
          </Group>
        ))}
        <AddButton disabled={contacts.length >= MAX_CONTACTS} onClick={() => form.insertListItem('contacts', { name: '', role: '', phone: '' })}>
          {t('app.customers.form.addContact')}
        </AddButton>
      </Section>

      <TagsInput
        label={t('app.customers.form.tags')}
        description={t('app.customers.form.tagsHint')}
        value={form.values.tags}
        onChange={(tags) => form.setFieldValue('tags', tags)}
        error={tagErrors.length ? tagErrors.join(' ') : undefined}
        maxTags={20}
        clearable
      />
      <Textarea label={t('app.customers.form.note')} autosize minRows={2} maxRows={4} {...form.getInputProps('note')} />
      {form.errors.kind || form.errors.region ? (
        <Text size="sm" c="red">
          {form.errors.kind ?? form.errors.region}
        </Text>
      ) : null}
    </FormModal>
  );
}

/** New customer, or edit one: the form is mounted fresh each time it opens. */
export function CustomerFormModal({ opened, customer = null, ...rest }: Omit<FormProps, 'customer'> & { opened: boolean; customer?: Customer | null }) {
  return opened ? <CustomerForm customer={customer} {...rest} /> : null;
}
