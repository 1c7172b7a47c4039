import { Button, Collapse, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_CATEGORIES, SEVERITIES, TICKET_SOURCES, type FaultCategory, type Severity, type TicketSource } from '../../../../shared/domain/ticket-status';
import { formatPhone } from '../../../../shared/format';
import type { Customer } from '../../../../shared/schemas/customer';
import type { ServiceLevel } from '../../../../shared/schemas/service';
import { ticketCreateInput } from '../../../../shared/schemas/ticket';
import type { Unit } from '../../../../shared/schemas/unit';
import { useApiMutation, useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { tidyDate } from '../../lib/dates';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { serviceLevelName } from '../../../../shared/domain/service-levels';


/** The unit select's choice for a unit the caller has that the desk has not registered yet. */
const UNREGISTERED = 'unregistered';
/** Units that left the customer cannot be reported again (the backend refuses them too). */
const GONE: readonly Unit['status'][] = ['replaced', 'scrapped', 'returned'];

interface Values {
  unit: string | null;
  brand: string;
  model: string;
  serial: string;
  faultReported: string;
  faultCategory: FaultCategory | null;
  severity: Severity;
  source: TicketSource;
  contactName: string;
  contactPhone: string;
  siteAddress: string;
  serviceLevelId: string | null;
  intakeAccessories: string;
  intakeCondition: string;
  expectedOn: string;
}

/** Input paths the backend names, as the form's field names. */
const FIELD_OF: Record<string, string> = {
  unitId: 'unit',
  unregisteredUnit: 'unit',
  'unregisteredUnit.brand': 'brand',
  'unregisteredUnit.model': 'model',
  'unregisteredUnit.serial': 'serial',
};
const FORM_FIELDS = new Set<string>(['unit', 'brand', 'model', 'serial', 'faultReported', 'faultCategory', 'severity', 'source', 'contactName', 'contactPhone', 'siteAddress', 'serviceLevelId', 'intakeAccessories', 'intakeCondition', 'expectedOn']);

function renamePaths(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(errors)) {
    const field = FIELD_OF[path] ?? path;
    out[field] = out[field] ? `${out[field]} ${text}` : text;
  }
  return out;
}

function toInput(values: Values, customerId: number) {
  const unregistered = values.unit === UNREGISTERED;
  return {
    source: values.source,
    customerId,
    unitId: values.unit && !unregistered ? Number(values.unit) : null,
    unregisteredUnit: unregistered ? { brand: values.brand, model: values.model, serial: values.serial } : null,
    faultReported: values.faultReported,
    // Left empty on purpose: a guessed category would count as "the same fault" for 三包.
    faultCategory: values.faultCategory ?? (undefined as unknown as FaultCategory),
    severity: values.severity,
    contactName: values.contactName,
    contactPhone: values.contactPhone,
    siteAddress: values.siteAddress,
    serviceLevelId: values.serviceLevelId ? Number(values.serviceLevelId) : null,
    intakeAccessories: values.intakeAccessories,
    intakeCondition: values.intakeCondition,
    expectedOn: tidyDate(values.expectedOn) || null,
  };
}

/** Who to call back: an organisation's first named contact, else the customer and their first phone. */
function contactOf(customer: Customer): { name: string; phone: string } {
  const contact = customer.kind === 'organisation' ? customer.contacts.find((c) => c.phone) : undefined;
  return contact ? { name: contact.name, phone: contact.phone ?? '' } : { name: customer.name, phone: customer.phone };
}

function siteOf(unit: Unit | undefined, customer: Customer): string {
  return unit?.siteAddress ?? customer.address ?? '';
}

function TicketForm({
  customer,
  units,
  levels,
  unitId,
  fault,
  onCreated,
  onClose,
}: {
  customer: Customer;
  units: Unit[];
  levels: ServiceLevel[];
  unitId: number | null;
  fault: string;
  onCreated?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('tickets:create');
  const usable = units.filter((u) => !GONE.includes(u.status));
  // The caller with one unit has only one it can be about.
  const first = unitId ?? (usable.length === 1 ? usable[0]!.id : null);
  const firstUnit = units.find((u) => u.id === first);
  const contact = contactOf(customer);
  const form = useForm<Values>({
    initialValues: {
      unit: first !== null ? String(first) : usable.length === 0 ? UNREGISTERED : null,
      brand: '',
      model: '',
      serial: '',
      faultReported: fault,
      faultCategory: null,
      severity: 'ordinary',
      source: 'phone',
      contactName: contact.name,
      contactPhone: contact.phone,
      siteAddress: siteOf(firstUnit, customer),
      serviceLevelId: String(levels.find((l) => l.isDefault)?.id ?? levels[0]?.id ?? '') || null,
      intakeAccessories: '',
      intakeCondition: '',
      expectedOn: '',
    },
    validate: (values) => renamePaths(schemaValidator<Values>(ticketCreateInput, t, (v) => toInput(v, customer.id))(values)),
  });
  const [intakeOpen, setIntakeOpen] = useState(false);

  const chooseUnit = (value: string | null) => {
    const before = units.find((u) => String(u.id) === form.values.unit);
    const after = units.find((u) => String(u.id) === value);
    // The site follows the unit unless the clerk typed another one.
    if (form.values.siteAddress === siteOf(before, customer)) form.setFieldValue('siteAddress', siteOf(after, customer));
    form.setFieldValue('unit', value);
  };
  const chooseSource = (value: string) => {
    form.setFieldValue('source', value as TicketSource);
    // A walk-in leaves the unit at the counter: what came with it goes on the intake receipt.
    if (value === 'walkIn') setIntakeOpen(true);
  };

  const handleSubmit = form.onSubmit(
    (values) =>
      create.mutate(toInput(values, customer.id) as Parameters<typeof create.mutate>[0], {
        onSuccess: (ticket) => {
          notifyDone(t('tickets.create.created', { number: ticket.number }));
          onCreated?.();
          onClose();
          navigate({ section: 'ticket', id: ticket.id });
        },
        onError: (err) => {
          if (!showServerFieldErrors({ setErrors: (e) => form.setErrors(renamePaths(e)) }, (p) => FORM_FIELDS.has(FIELD_OF[p] ?? p), t, err)) notifyError(t, err);
        },
      }),
    // An error in the folded intake section must not hide: unfold it.
    (errors) => {
      if (errors.intakeAccessories || errors.intakeCondition || errors.expectedOn) setIntakeOpen(true);
    },
  );

  const expected = form.getInputProps('expectedOn');
  const unregistered = form.values.unit === UNREGISTERED;
  const unitData = [
    ...units.map((u) => ({
      value: String(u.id),
      label: t('tickets.create.unitOption', { brand: u.brand, model: u.model, serial: u.serial }),
      disabled: GONE.includes(u.status),
    })),
    { value: UNREGISTERED, label: t('tickets.create.unregistered') },
  ];

  return (
    <FormModal opened onClose={onClose} title={t('tickets.create.title')} onSubmit={handleSubmit} saving={create.isPending} size={760}>
      <Text size="sm" data-testid="new-ticket-customer">
        <Text span c="dimmed" size="sm">
          {t('tickets.create.customer')}
        </Text>{' '}
        <Text span fw={600} size="sm">
          {customer.name}
        </Text>{' '}
        {formatPhone(customer.phone)}
      </Text>
      <Select
        label={t('tickets.create.unit')}
        placeholder={t('tickets.create.unitPlaceholder')}
        withAsterisk
        searchable
        allowDeselect={false}
        data={unitData}
        data-autofocus={first === null && usable.length > 0 ? true : undefined}
        {...form.getInputProps('unit')}
        onChange={chooseUnit}
      />
      {usable.length === 0 && (
        <Text size="xs" c="dimmed" mt={-6}>
          {t('tickets.create.noUnits')}
        </Text>
      )}
      {unregistered && (
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('tickets.create.brand')} withAsterisk data-autofocus={usable.length === 0 ? true : undefined} {...form.getInputProps('brand')} />
          <TextInput label={t('tickets.create.model')} withAsterisk {...form.getInputProps('model')} />
          <TextInput label={t('tickets.create.serial')} {...form.getInputProps('serial')} />
        </SimpleGrid>
      )}
      <Textarea
        label={t('tickets.create.fault')}
        placeholder={t('tickets.create.faultPlaceholder')}
        withAsterisk
        autosize
        minRows={2}
        maxRows={5}
        data-autofocus={first !== null ? true : undefined}
        {...form.getInputProps('faultReported')}
      />
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Select
          style={{ flex: 1 }}
          label={t('tickets.create.faultCategory')}
          placeholder={t('tickets.create.faultCategoryPlaceholder')}
          withAsterisk
          searchable
          data={FAULT_CATEGORIES.map((c) => ({ value: c, label: t(`ticketing.faultCategory.${c}`) }))}
          {...form.getInputProps('faultCategory')}
        />
        <Input.Wrapper label={t('tickets.create.severity')}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.create.severity')}
              value={form.values.severity}
              onChange={(v) => form.setFieldValue('severity', v as Severity)}
              data={SEVERITIES.map((s) => ({ value: s, label: t(`ticketing.severity.${s}`) }))}
            />
          </div>
        </Input.Wrapper>
      </Group>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Input.Wrapper label={t('tickets.create.source')}>
          <div>
            <SegmentedControl
              aria-label={t('tickets.create.source')}
              value={form.values.source}
              onChange={chooseSource}
              data={TICKET_SOURCES.map((s) => ({ value: s, label: t(`ticketing.source.${s}`) }))}
            />
          </div>
        </Input.Wrapper>
        <Select
          style={{ flex: 1 }}
          label={t('tickets.create.serviceLevel')}
          allowDeselect={false}
          data={levels.map((l) => ({ value: String(l.id), label: l.isDefault ? t('tickets.create.serviceLevelDefault', { name: serviceLevelName(l.name, t) }) : serviceLevelName(l.name, t) }))}
          {...form.getInputProps('serviceLevelId')}
        />
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('tickets.create.contactName')} {...form.getInputProps('contactName')} />
        <TextInput label={t('tickets.create.contactPhone')} inputMode="tel" {...form.getInputProps('contactPhone')} />
      </SimpleGrid>
      <TextInput label={t('tickets.create.siteAddress')} {...form.getInputProps('siteAddress')} />
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          px={0}
          leftSection={intakeOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          onClick={() => setIntakeOpen((o) => !o)}
          aria-expanded={intakeOpen}
        >
          {t('tickets.create.intake')}
        </Button>
        <Collapse expanded={intakeOpen}>
          <SimpleGrid cols={2} spacing="sm" mt={4}>
            <TextInput label={t('tickets.create.intakeAccessories')} placeholder={t('tickets.create.intakeAccessoriesPlaceholder')} {...form.getInputProps('intakeAccessories')} />
            <TextInput label={t('tickets.create.intakeCondition')} placeholder={t('tickets.create.intakeConditionPlaceholder')} {...form.getInputProps('intakeCondition')} />
            <TextInput
              label={t('tickets.create.expectedOn')}
              placeholder={t('app.common.datePlaceholder')}
              inputMode="numeric"
              maxLength={10}
              {...expected}
              onBlur={(event: FocusEvent<HTMLInputElement>) => {
                form.setFieldValue('expectedOn', tidyDate(event.currentTarget.value));
                (expected.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
              }}
            />
          </SimpleGrid>
        </Collapse>
      </div>
    </FormModal>
  );
}

/**
 * A repair request taken on the phone: the caller, the unit, the fault in their words. Saving
 * opens the ticket, where the deadlines show and the receipt is one Ctrl+P away.
 */
export function NewTicketModal({
  opened,
  onClose,
  customerId,
  unitId = null,
  fault = '',
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  /** Told the ticket was saved, before the form closes (closing is otherwise backing out). */
  onCreated?: () => void;
  customerId: number;
  unitId?: number | null;
  /** The fault as already noted (a call logged first): the clerk checks it rather than types it again. */
  fault?: string;
}) {
  const { t } = useTranslation();
  const customer = useApiQuery('customers:get', { id: customerId }, { enabled: opened });
  const units = useApiQuery('units:listByCustomer', { customerId }, { enabled: opened });
  const levels = useApiQuery('serviceLevels:list', {}, { enabled: opened });
  const error = customer.error ?? units.error ?? levels.error;
  if (!opened) return null;
  if (error) {
    return (
      <Modal opened onClose={onClose} title={t('tickets.create.title')}>
        <QueryState isPending={false} error={error} />
      </Modal>
    );
  }
  // The form opens once what it prefills from is there, so focus lands in the right field.
  if (!customer.data || !units.data || !levels.data) return null;
  return <TicketForm customer={customer.data} units={units.data} levels={levels.data} unitId={unitId} fault={fault} onCreated={onCreated} onClose={onClose} />;
}
