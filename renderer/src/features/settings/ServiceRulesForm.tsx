import { Group, NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../../shared/domain/yuan';
import { REGIONS, type Region } from '../../../../shared/schemas/customer';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { SaveButton } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { SETTINGS_KEY } from '../../app/language';
import { moneyErrors, typedFen } from '../../lib/money';
import { notifyDone, notifyError } from '../../lib/notify';
import { DurationInput, durationOut, type FormDuration } from './DurationInput';
import { PercentInput } from './PercentInput';

interface Values {
  callbackDays: number | string;
  lifetimeMaintenance: boolean;
  travel: Record<Region, string>;
  complaintAnswer: FormDuration;
  complaintReply: FormDuration;
  complaintResolve: FormDuration;
  complaintShares: { reply: number | string; resolve: number | string };
}

function initialValues(settings: Settings): Values {
  const s = settings.service;
  return {
    callbackDays: s.callbackDays,
    lifetimeMaintenance: s.lifetimeMaintenance,
    travel: { urban: yuanText(s.travelFen.urban), suburban: yuanText(s.travelFen.suburban), other: yuanText(s.travelFen.other) },
    complaintAnswer: { ...s.complaintAnswer },
    complaintReply: { ...s.complaintReply },
    complaintResolve: { ...s.complaintResolve },
    complaintShares: { reply: s.complaintShares.reply ?? '', resolve: s.complaintShares.resolve ?? '' },
  };
}

function toInput(values: Values) {
  return {
    service: {
      callbackDays: values.callbackDays === '' ? (undefined as unknown as number) : Number(values.callbackDays),
      lifetimeMaintenance: values.lifetimeMaintenance,
      travelFen: Object.fromEntries(REGIONS.map((r) => [r, typedFen(values.travel[r])])) as Record<Region, number>,
      complaintAnswer: durationOut(values.complaintAnswer),
      complaintReply: durationOut(values.complaintReply),
      complaintResolve: durationOut(values.complaintResolve),
      // An emptied share promises none.
      complaintShares: { reply: percentOut(values.complaintShares.reply), resolve: percentOut(values.complaintShares.resolve) },
    },
  };
}

const percentOut = (v: number | string) => (v === '' ? null : Number(v));

/** The backend names fields by the stored shape (`service.travelFen.urban`); the form by its own. */
function formPath(path: string): string {
  return path.replace(/^service\.travelFen\./, 'travel.').replace(/^service\./, '');
}

/** The desk's own rules, not tied to a service level: callbacks, travel fees, complaint promises. */
export function ServiceRulesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const schemaCheck = schemaValidator<Values>(settingsUpdateInput, t, toInput);
  const form = useForm<Values>({
    initialValues: initialValues(settings),
    validate: (values) => {
      const errors = Object.fromEntries(Object.entries(schemaCheck(values)).map(([path, text]) => [formPath(path), text]));
      return { ...errors, ...moneyErrors(t, Object.fromEntries(REGIONS.map((r) => [`travel.${r}`, values.travel[r]]))) };
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
        notifyDone(t('service.rules.saved'));
      },
      onError: (err) => {
        const shown = showServerFieldErrors({ setErrors: (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([p, m]) => [formPath(p), m]))) }, () => true, t, err);
        if (!shown) notifyError(t, err);
      },
    }),
  );

  return (
    <form noValidate data-testid="service-rules" onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])}>
      <Stack gap="md" maw={820}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <NumberInput
            label={t('service.rules.callbackDays')}
            description={t('service.rules.callbackDaysHint')}
            rightSection={<Text size="xs" c="dimmed">{t('service.rules.daysUnit')}</Text>}
            rightSectionWidth={40}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('callbackDays')}
          />
        </SimpleGrid>
        <Switch label={t('service.rules.lifetimeMaintenance')} description={t('service.rules.lifetimeMaintenanceHint')} {...form.getInputProps('lifetimeMaintenance', { type: 'checkbox' })} />

        <div>
          <Title order={4} fz="sm" fw={600}>
            {t('service.rules.travel')}
          </Title>
          <Text size="xs" c="dimmed" mb={6}>
            {t('service.rules.travelHint')}
          </Text>
          <Group gap="sm" align="flex-start">
            {REGIONS.map((r) => (
              <MoneyInput
                key={r}
                w={170}
                label={t(`ticketing.region.${r}`)}
                aria-label={t('service.rules.travelFor', { region: t(`ticketing.region.${r}`) })}
                {...form.getInputProps(`travel.${r}`)}
              />
            ))}
          </Group>
        </div>

        <div>
          <Title order={4} fz="sm" fw={600}>
            {t('service.rules.complaints')}
          </Title>
          <Text size="xs" c="dimmed" mb={6}>
            {t('service.rules.complaintsHint')}
          </Text>
          <Group gap="xl" align="flex-start">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('service.rules.complaintAnswer')}
              </Text>
              <DurationInput form={form} path="complaintAnswer" label={t('service.rules.complaintAnswer')} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('hours.complaint.reply')}
              </Text>
              <DurationInput form={form} path="complaintReply" label={t('hours.complaint.reply')} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('service.rules.complaintResolve')}
              </Text>
              <DurationInput form={form} path="complaintResolve" label={t('service.rules.complaintResolve')} />
            </Stack>
          </Group>
          <Group gap="sm" align="flex-start" mt="xs">
            <PercentInput label={t('hours.complaint.replyShare')} {...form.getInputProps('complaintShares.reply')} />
            <PercentInput label={t('hours.complaint.resolveShare')} {...form.getInputProps('complaintShares.resolve')} />
          </Group>
        </div>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
