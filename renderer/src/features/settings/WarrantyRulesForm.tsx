import { Button, FileButton, Group, Image, Input, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REST_DAY_RULES, type RestDayRule, type WarrantyRules } from '../../../../shared/domain/warranty-types';
import type { Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { SaveButton } from '../../ui/FormModal';
import { SETTINGS_KEY } from '../../app/language';
import { notifyDone, notifyError } from '../../lib/notify';

const NUMBER_RULES: { key: Exclude<keyof WarrantyRules, 'restDayRule'>; unit: 'months' | 'days' | 'times'; max: number; min: number }[] = [
  { key: 'partInWarrantyMonths', unit: 'months', min: 0, max: 60 },
  { key: 'partPaidMonths', unit: 'months', min: 0, max: 60 },
  { key: 'downtimeExtensionDays', unit: 'days', min: 0, max: 365 },
  { key: 'repeatRepairsBeforeReplacement', unit: 'times', min: 1, max: 10 },
  { key: 'unrepairedReplacementDays', unit: 'days', min: 1, max: 365 },
  { key: 'refundDays', unit: 'days', min: 0, max: 60 },
  { key: 'exchangeDays', unit: 'days', min: 0, max: 90 },
];

function useSaveSettings() {
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  return { save, remember: (saved: Settings) => client.setQueryData(SETTINGS_KEY, saved) };
}

/** The trade's numbers the warranty engine applies: the seeds' defaults, each the company's to change. */
export function WarrantyRulesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { save, remember } = useSaveSettings();
  const form = useForm<WarrantyRules>({ initialValues: settings.warrantyRules });
  const submit = form.onSubmit((warrantyRules) =>
    save.mutate(
      { warrantyRules },
      {
        onSuccess: (saved) => {
          remember(saved);
          form.resetDirty();
          notifyDone(t('app.settings.rules.saved'));
        },
        onError: (err) => notifyError(t, err),
      },
    ),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          {NUMBER_RULES.map(({ key, unit, min, max }) => (
            <NumberInput
              key={key}
              label={t(`app.settings.rules.${key}`)}
              rightSection={<Text size="xs" c="dimmed">{t(`app.settings.rules.unit.${unit}`)}</Text>}
              rightSectionWidth={48}
              min={min}
              max={max}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps(key)}
            />
          ))}
        </SimpleGrid>
        <Input.Wrapper label={t('app.settings.rules.restDayRule')} description={t(`app.settings.rules.restDayRuleHint.${form.values.restDayRule}`)} inputWrapperOrder={['label', 'input', 'description']}>
          <SegmentedControl
            display="flex"
            w="fit-content"
            mt={4}
            mb={4}
            data={REST_DAY_RULES.map((rule) => ({ value: rule, label: t(`app.settings.rules.restDayRuleOption.${rule}`) }))}
            value={form.values.restDayRule}
            onChange={(rule) => form.setFieldValue('restDayRule', rule as RestDayRule)}
            data-testid="rest-day-rule"
          />
        </Input.Wrapper>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}

/** The logo printed in every letterhead: a small PNG or JPEG kept in the database itself. */
export function LogoForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { save, remember } = useSaveSettings();
  const [reading, setReading] = useState(false);
  const store = (logo: string | null) =>
    save.mutate(
      { logo },
      {
        onSuccess: (saved) => {
          remember(saved);
          notifyDone(t('app.settings.logo.saved'));
        },
        onError: (err) => notifyError(t, err),
      },
    );
  const pick = (file: File | null) => {
    if (!file) return;
    setReading(true);
    const reader = new FileReader();
    reader.onload = () => {
      setReading(false);
      store(String(reader.result));
    };
    reader.onerror = () => setReading(false);
    reader.readAsDataURL(file);
  };
  return (
    <Group gap="md" align="center">
      {settings.logo ? <Image src={settings.logo} h={48} w="auto" fit="contain" alt={t('app.settings.logo.alt')} /> : <Text size="sm" c="dimmed">{t('app.settings.logo.none')}</Text>}
      <FileButton onChange={pick} accept="image/png,image/jpeg">
        {(props) => (
          <Button variant="default" size="sm" loading={reading || save.isPending} {...props}>
            {t('app.settings.logo.choose')}
          </Button>
        )}
      </FileButton>
      {settings.logo && (
        <Button variant="subtle" color="red" size="sm" onClick={() => store(null)}>
          {t('app.settings.logo.remove')}
        </Button>
      )}
    </Group>
  );
}
