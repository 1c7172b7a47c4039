import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isRoundTheClock, SCHEDULED_KINDS, type HotlineHours, type Interval } from '../../../../shared/domain/service-promises';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { SETTINGS_KEY } from '../../app/language';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { SaveButton } from '../../ui/FormModal';

type Kind = (typeof SCHEDULED_KINDS)[number];

/** One scheduled service as the form holds it: ticked or not, and its interval (the amount may be emptied while typing). */
interface FormInterval {
  on: boolean;
  every: number | string;
  unit: Interval['unit'];
}

interface Values {
  hotlineHours: HotlineHours;
  serviceContact: { department: string; person: string; phone: string };
  returnSlip: { months: number | string; address: string };
  scheduledService: Record<Kind, FormInterval>;
}

/** What a box ticked for the first time offers: the seeds' 月回访, 季维护, 年保养. */
const SEED_INTERVAL: Record<Kind, Interval> = {
  callback: { every: 1, unit: 'months' },
  inspection: { every: 3, unit: 'months' },
  maintenance: { every: 12, unit: 'months' },
};

function initialValues(s: Settings): Values {
  return {
    hotlineHours: { ...s.hotlineHours },
    serviceContact: { department: s.serviceContact.department ?? '', person: s.serviceContact.person ?? '', phone: s.serviceContact.phone ?? '' },
    returnSlip: { months: s.returnSlip.months, address: s.returnSlip.address ?? '' },
    scheduledService: Object.fromEntries(
      SCHEDULED_KINDS.map((kind) => {
        const given = s.scheduledService[kind];
        return [kind, { on: given !== null, ...(given ?? SEED_INTERVAL[kind]) }];
      }),
    ) as Record<Kind, FormInterval>,
  };
}

/** An emptied number is "not given", which the schema reports as required. */
const typed = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));

function toInput(v: Values) {
  return {
    hotlineHours: v.hotlineHours,
    serviceContact: v.serviceContact,
    returnSlip: { months: typed(v.returnSlip.months), address: v.returnSlip.address },
    scheduledService: Object.fromEntries(
      SCHEDULED_KINDS.map((kind) => {
        const i = v.scheduledService[kind];
        return [kind, i.on ? { every: typed(i.every), unit: i.unit } : null];
      }),
    ) as Record<Kind, Interval | null>,
  };
}

/**
 * What the warranty card promises beyond the service level's deadlines: the hotline's hours, who
 * answers for the warranty, the return slip's deadline and address, the scheduled service.
 * The form's paths are the settings' own, so the backend's field errors land under the inputs.
 */
export function CardPromisesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const form = useForm<Values>({ initialValues: initialValues(settings), validate: schemaValidator<Values>(settingsUpdateInput, t, toInput) });
  const hours = form.getValues().hotlineHours;
  const hoursError = (form.errors['hotlineHours.from'] ?? form.errors['hotlineHours.to']) as string | undefined;

  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
        notifyDone(t('app.settings.card.saved'));
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, () => true, t, err)) notifyError(t, err);
      },
    }),
  );

  const everyLabel = (kind: Kind) => t('app.settings.card.everyOf', { what: t(`app.settings.card.kinds.${kind}`) });
  return (
    <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])}>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('app.settings.card.hotlineHours')}
          </Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Select
              w={136}
              allowDeselect={false}
              aria-label={t('app.settings.card.hotlineDays')}
              data={(['everyDay', 'workingDays'] as const).map((d) => ({ value: d, label: t(`app.settings.card.days.${d}`) }))}
              {...form.getInputProps('hotlineHours.days')}
            />
            {(['from', 'to'] as const).map((end) => (
              <Group key={end} gap="xs" wrap="nowrap">
                {end === 'to' && <Text>–</Text>}
                <TextInput
                  w={84}
                  aria-label={t(`app.settings.card.${end}`)}
                  placeholder={end === 'from' ? '08:00' : '24:00'}
                  {...form.getInputProps(`hotlineHours.${end}`)}
                  // The message goes under the whole row: these boxes are too narrow for it.
                  error={!!form.errors[`hotlineHours.${end}`]}
                />
              </Group>
            ))}
            <Text size="sm" c="dimmed" pt={7}>
              {isRoundTheClock(hours) ? t('app.settings.card.roundTheClock') : t('app.settings.card.hoursHint')}
            </Text>
          </Group>
          {hoursError && (
            <Text size="xs" c="red" mt={4} role="alert">
              {hoursError}
            </Text>
          )}
        </div>

        <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
          <TextInput label={t('app.settings.card.department')} placeholder={t('app.settings.card.departmentPlaceholder')} {...form.getInputProps('serviceContact.department')} />
          <TextInput label={t('app.settings.card.person')} {...form.getInputProps('serviceContact.person')} />
          <TextInput label={t('app.settings.card.phone')} inputMode="tel" {...form.getInputProps('serviceContact.phone')} />
        </SimpleGrid>

        <Group gap="sm" align="flex-start" wrap="nowrap">
          <NumberInput
            w={240}
            label={t('app.settings.card.returnMonths')}
            rightSection={<Text size="xs" c="dimmed">{t('app.settings.card.monthsUnit')}</Text>}
            rightSectionWidth={60}
            min={1}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('returnSlip.months')}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('app.settings.card.returnAddress')}
            placeholder={settings.address ? t('app.settings.card.returnAddressDefault', { address: settings.address }) : t('app.settings.card.returnAddressNone')}
            {...form.getInputProps('returnSlip.address')}
          />
        </Group>

        <div>
          <Title order={4} fz="sm" fw={600}>
            {t('app.settings.card.scheduled')}
          </Title>
          <Text size="xs" c="dimmed" mb={6}>
            {t('app.settings.card.scheduledHint')}
          </Text>
          <Stack gap={6}>
            {SCHEDULED_KINDS.map((kind) => {
              const on = form.getValues().scheduledService[kind].on;
              return (
                <Group key={kind} gap="xs" align="flex-start" wrap="nowrap">
                  <Checkbox w={190} mt={7} label={t(`app.settings.card.kinds.${kind}`)} {...form.getInputProps(`scheduledService.${kind}.on`, { type: 'checkbox' })} />
                  <Text size="sm" pt={6} c={on ? undefined : 'dimmed'}>
                    {t('app.settings.card.every')}
                  </Text>
                  <NumberInput w={72} disabled={!on} min={1} allowDecimal={false} allowNegative={false} aria-label={everyLabel(kind)} {...form.getInputProps(`scheduledService.${kind}.every`)} />
                  <Select
                    w={110}
                    disabled={!on}
                    allowDeselect={false}
                    aria-label={t('app.settings.card.unitOf', { what: t(`app.settings.card.kinds.${kind}`) })}
                    data={(['days', 'months'] as const).map((u) => ({ value: u, label: t(`app.settings.card.unit.${u}`) }))}
                    {...form.getInputProps(`scheduledService.${kind}.unit`)}
                  />
                </Group>
              );
            })}
          </Stack>
        </div>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
