import { Group, Stack, Switch, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEED_DUTY_HOURS, type DutyHours } from '../../../../shared/domain/duty-hours';
import { SHARE_MILESTONES, STANDARD_TERMS, type ServiceLevelTerms, type TargetTable } from '../../../../shared/domain/sla';
import { SEVERITIES } from '../../../../shared/domain/ticket-status';
import { REGIONS } from '../../../../shared/schemas/customer';
import { serviceLevelCreateInput, type ServiceLevel } from '../../../../shared/schemas/service';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { DurationInput, durationOut, type FormDuration } from './DurationInput';
import { DutyHoursEditor } from './DutyHoursEditor';
import { PercentInput } from './PercentInput';
import { TargetGrid, type FormTargetTable } from './TargetGrid';
import { serviceLevelName } from '../../../../shared/domain/service-levels';

type Share = number | string;

interface Values {
  name: string;
  isDefault: boolean;
  /** Off: one set of targets round the clock (every level saved before duty hours existed). */
  useDuty: boolean;
  terms: {
    targets: FormTargetTable;
    loaner: FormDuration;
    duty: { hours: DutyHours; outside: FormTargetTable };
    shares: Record<(typeof SHARE_MILESTONES)[number], Share>;
  };
}

function tableOut(typed: FormTargetTable): TargetTable {
  const out = structuredClone(STANDARD_TERMS.targets);
  for (const r of REGIONS) {
    for (const s of SEVERITIES) {
      const cell = typed[r][s];
      out[r][s] = { answer: durationOut(cell.answer), arrival: durationOut(cell.arrival), fix: durationOut(cell.fix) };
    }
  }
  return out;
}

/**
 * The level as the backend stores it. Duty hours and shares are left out entirely when not used,
 * so a level saved before them is saved again in exactly its old shape.
 */
function toInput(values: Values) {
  const terms: ServiceLevelTerms = { targets: tableOut(values.terms.targets), loaner: durationOut(values.terms.loaner) };
  if (values.useDuty) {
    const hours = structuredClone(values.terms.duty.hours);
    // A closed day keeps no spans: what was typed before closing it is not a promise.
    for (const day of Object.values(hours)) if (day.closed) day.spans = [];
    terms.duty = { hours, outside: tableOut(values.terms.duty.outside) };
  }
  const shares = values.terms.shares;
  if (SHARE_MILESTONES.some((m) => shares[m] !== '')) {
    terms.shares = Object.fromEntries(SHARE_MILESTONES.map((m) => [m, shares[m] === '' ? null : Number(shares[m])]));
  }
  return { name: values.name, isDefault: values.isDefault, terms };
}

function initialValues(level: ServiceLevel | null): Values {
  const terms = structuredClone(level?.terms ?? STANDARD_TERMS);
  const shares = terms.shares ?? {};
  return {
    name: level?.name ?? '',
    isDefault: level?.isDefault ?? false,
    useDuty: terms.duty !== undefined,
    terms: {
      targets: terms.targets,
      loaner: terms.loaner,
      // Switching duty hours on starts from the seeds' 08:00–24:00 desk and the same targets outside.
      duty: terms.duty ?? { hours: structuredClone(SEED_DUTY_HOURS), outside: structuredClone(terms.targets) },
      shares: Object.fromEntries(SHARE_MILESTONES.map((m) => [m, shares[m] ?? ''])) as Values['terms']['shares'],
    },
  };
}

type Tab = 'targets' | 'duty' | 'shares';
/** The tab a field's error belongs on, so a refused save opens the tab that shows why. */
function tabOf(path: string): Tab {
  if (path.startsWith('terms.duty')) return 'duty';
  if (path.startsWith('terms.shares')) return 'shares';
  return 'targets';
}

function LevelForm({ level, onClose }: { level: ServiceLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('serviceLevels:create');
  const update = useApiMutation('serviceLevels:update');
  const [tab, setTab] = useState<Tab>('targets');
  const form = useForm<Values>({
    initialValues: initialValues(level),
    validate: schemaValidator<Values>(serviceLevelCreateInput, t, toInput),
  });
  const errorTabs = new Set(Object.keys(form.errors).map(tabOf));

  const submit = form.onSubmit(
    (values) => {
      const input = toInput(values);
      const done = (saved: ServiceLevel) => {
        notifyDone(t('service.levels.saved', { name: saved.name }));
        onClose();
      };
      const onError = (err: unknown) => {
        if (!showServerFieldErrors(form, (path) => /^(name|isDefault|terms)(\.|$)/.test(path), t, err)) notifyError(t, err);
      };
      if (level) update.mutate({ id: level.id, ...input }, { onSuccess: done, onError });
      else create.mutate(input, { onSuccess: done, onError });
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) setTab(tabOf(first));
    },
  );

  // The one default can only be handed over, so its switch is locked on.
  const lockedDefault = level?.isDefault === true;
  const useDuty = form.values.useDuty;
  const tabLabel = (key: Tab, text: string) => (
    <Tabs.Tab value={key} c={errorTabs.has(key) ? 'red' : undefined} data-error={errorTabs.has(key) || undefined}>
      {text}
    </Tabs.Tab>
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      size={860}
      title={level ? t('service.levels.editTitle', { name: serviceLevelName(level.name, t) }) : t('service.levels.createTitle')}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <Group align="flex-start" gap="lg">
        <TextInput w={280} label={t('service.levels.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Switch
          mt={30}
          label={t('service.levels.isDefault')}
          description={lockedDefault ? t('service.levels.defaultLocked') : t('service.levels.defaultHint')}
          disabled={lockedDefault}
          {...form.getInputProps('isDefault', { type: 'checkbox' })}
        />
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          {tabLabel('targets', useDuty ? t('hours.level.insideTitle') : t('hours.level.targetsTab'))}
          {tabLabel('duty', useDuty ? t('hours.level.dutyTab') : t('hours.level.dutyHours'))}
          {tabLabel('shares', t('hours.level.shares'))}
        </Tabs.List>
        <Tabs.Panel value="targets" pt="sm">
          <Stack gap="sm">
            <TargetGrid form={form} path="terms.targets" testId="level-grid" />
            <Group gap="sm" align="center">
              <Text size="sm" fw={500}>
                {t('service.levels.loaner')}
              </Text>
              <DurationInput compact form={form} path="terms.loaner" label={t('service.levels.loaner')} />
              <Text size="xs" c="dimmed">
                {t('service.levels.loanerHint')}
              </Text>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="duty" pt="sm">
          <Stack gap="sm">
            <Switch label={t('hours.level.useDuty')} description={t('hours.level.useDutyHint')} {...form.getInputProps('useDuty', { type: 'checkbox' })} />
            {useDuty && (
              <>
                <Text size="xs" c="dimmed">
                  {t('hours.level.dutyHint')}
                </Text>
                <DutyHoursEditor form={form} path="terms.duty.hours" hours={form.values.terms.duty.hours} />
                <Text size="sm" fw={600}>
                  {t('hours.level.outsideTitle')}
                </Text>
                <TargetGrid form={form} path="terms.duty.outside" prefix={t('hours.level.outsideTitle')} testId="level-grid-outside" />
              </>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="shares" pt="sm">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('hours.level.sharesHint')}
            </Text>
            <Group gap="md" align="flex-start">
              {SHARE_MILESTONES.map((m) => (
                <PercentInput key={m} label={t(`ticketing.milestone.${m}`)} aria-label={t('hours.level.sharePercent', { milestone: t(`ticketing.milestone.${m}`) })} {...form.getInputProps(`terms.shares.${m}`)} />
              ))}
            </Group>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </FormModal>
  );
}

/** New service level, or changes to one: mounted fresh each time it opens. */
export function ServiceLevelFormModal({ opened, level, onClose }: { opened: boolean; level: ServiceLevel | null; onClose: () => void }) {
  return opened ? <LevelForm level={level} onClose={onClose} /> : null;
}
