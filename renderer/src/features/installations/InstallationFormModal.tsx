import { Alert, Checkbox, Input, MultiSelect, Paper, ScrollArea, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { formatPhone } from '../../../../shared/format';
import type { Installation } from '../../../../shared/schemas/installation';
import { useApiMutation, useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { tidyDate } from '../../lib/dates';
import { problemText } from './problem';
import { notifyDone } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';

/** Units already accepted, or gone from the customer, are not installed again. */
const GONE = new Set(['replaced', 'scrapped', 'returned']);

/** The customer found as the search box finds them (name, phone, pinyin); the chosen one stays listed. */
function useCustomerOptions(search: string, chosen: string | null) {
  const [query] = useDebouncedValue(search.trim(), 150);
  const list = useApiQuery('customers:list', { query, limit: 20 }, { placeholderData: (previous) => previous });
  const picked = useApiQuery('customers:get', { id: Number(chosen) }, { enabled: chosen !== null });
  const options = (list.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${formatPhone(c.phone)}` }));
  const p = picked.data;
  if (p && !options.some((o) => o.value === String(p.id))) options.unshift({ value: String(p.id), label: `${p.name} · ${formatPhone(p.phone)}` });
  return options;
}

/**
 * A new installation job: the customer, the units to install, the day, the site and who goes.
 * Given a planned `job`, edits its day, site, technicians and work (its customer and units stay).
 */
export function InstallationFormModal({ onClose, customerId = null, job = null }: { onClose: () => void; customerId?: number | null; job?: Installation | null }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<string | null>(job ? String(job.customerId) : customerId === null ? null : String(customerId));
  const [search, setSearch] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [appointment, setAppointment] = useState(job?.appointmentOn ?? '');
  const [site, setSite] = useState(job?.siteAddress ?? '');
  const [technicianIds, setTechnicianIds] = useState<string[]>(job ? job.technicians.map((x) => String(x.id)) : []);
  const [workDone, setWorkDone] = useState(job?.workDone ?? '');
  const update = useApiMutation('installations:update');
  const customers = useCustomerOptions(search, customer);
  const units = useApiQuery('units:listByCustomer', { customerId: Number(customer) }, { enabled: customer !== null && job === null });
  const technicians = useApiQuery('technicians:list', { includeInactive: false });
  const create = useApiMutation('installations:create');
  const waiting = (units.data ?? []).filter((u) => u.acceptanceDate === null && !GONE.has(u.status));
  const day = tidyDate(appointment);
  const submit = (e?: { preventDefault: () => void }) => {
    e?.preventDefault();
    if (job) {
      if (update.isPending) return;
      update.mutate(
        { id: job.id, appointmentOn: day, siteAddress: site.trim() || null, technicianIds: technicianIds.map(Number), workDone: workDone.trim() || null, note: job.note },
        {
          onSuccess: () => {
            notifyDone(t('installations.form.saved'));
            onClose();
          },
        },
      );
      return;
    }
    if (create.isPending || customer === null) return;
    create.mutate(
      {
        customerId: Number(customer),
        unitIds: unitIds.map(Number),
        appointmentOn: day,
        siteAddress: site.trim() || null,
        technicianIds: technicianIds.map(Number),
        workDone: workDone.trim() || null,
      },
      {
        onSuccess: (job) => {
          notifyDone(t('installations.form.created', { number: job.number }));
          onClose();
          navigate({ section: 'installation', id: job.id });
        },
      },
    );
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={job ? t('installations.form.editTitle', { number: job.number }) : t('installations.form.title')}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
      size={720}
      submitLabel={job ? undefined : t('installations.form.save')}
    >
      {job ? (
        <Input.Wrapper label={t('installations.form.customer')}>
          <Text size="sm" fw={600}>
            {job.customerName} · {job.units.map((u) => u.serial).join('、')}
          </Text>
        </Input.Wrapper>
      ) : (
        <Select
          label={t('installations.form.customer')}
          placeholder={t('installations.form.customerPlaceholder')}
          withAsterisk
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t('installations.form.noCustomer')}
          data={customers}
          value={customer}
          onChange={(v) => {
            setCustomer(v);
            setUnitIds([]);
          }}
          data-autofocus
        />
      )}
      {!job && (
        <Checkbox.Group label={t('installations.form.units')} withAsterisk value={unitIds} onChange={setUnitIds} data-testid="installation-units">
          {customer === null ? (
            <Text size="sm" c="dimmed" mt={4}>
              {t('installations.form.unitsPick')}
            </Text>
          ) : units.data && waiting.length === 0 ? (
            <Text size="sm" c="dimmed" mt={4}>
              {t('installations.form.unitsNone')}
            </Text>
          ) : (
            <Paper withBorder mt={4} px="sm" py={6}>
              <ScrollArea.Autosize mah={160} type="auto">
                <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
                  {waiting.map((u) => (
                    <Checkbox key={u.id} value={String(u.id)} label={`${u.brand} ${u.model} · ${u.serial}`} description={u.locationNote ?? u.siteAddress ?? undefined} styles={{ label: { overflowWrap: 'anywhere' } }} />
                  ))}
                </SimpleGrid>
              </ScrollArea.Autosize>
            </Paper>
          )}
        </Checkbox.Group>
      )}
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('installations.form.appointment')}
          withAsterisk
          inputMode="numeric"
          maxLength={10}
          data-autofocus={job ? true : undefined}
          placeholder="2026-12-01"
          value={appointment}
          onChange={(e) => setAppointment(e.currentTarget.value)}
          onBlur={() => isIsoDate(day) && setAppointment(day)}
        />
        <MultiSelect
          label={t('installations.form.technicians')}
          data={(technicians.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          value={technicianIds}
          onChange={setTechnicianIds}
          searchable
        />
      </SimpleGrid>
      <TextInput label={t('installations.form.site')} placeholder={t('installations.form.sitePlaceholder')} maxLength={300} value={site} onChange={(e) => setSite(e.currentTarget.value)} />
      <Textarea label={t('installations.form.workDone')} autosize minRows={2} maxRows={4} maxLength={2000} value={workDone} onChange={(e) => setWorkDone(e.currentTarget.value)} />
      {(create.isError || update.isError) && (
        <Alert color="red" variant="light" data-testid="installation-error">
          {problemText(t, create.error ?? update.error)}
        </Alert>
      )}
    </FormModal>
  );
}
