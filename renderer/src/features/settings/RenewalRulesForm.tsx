import { Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../../shared/domain/yuan';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { SETTINGS_KEY } from '../../app/language';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { moneyErrors, typedFen } from '../../lib/money';
import { notifyDone, notifyError } from '../../lib/notify';
import { SaveButton } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';

interface Values {
  leadDays: number | string;
  defaultPrice: string;
}

function toInput(values: Values) {
  return {
    renewal: {
      leadDays: values.leadDays === '' ? (undefined as unknown as number) : Number(values.leadDays),
      defaultPriceFen: values.defaultPrice.trim() === '' ? null : typedFen(values.defaultPrice),
    },
  };
}

/** The backend names fields by the stored shape (`renewal.leadDays`); the form by its own. */
function formPath(path: string): string {
  return path.replace(/^renewal\.defaultPriceFen$/, 'defaultPrice').replace(/^renewal\./, '');
}

/** Renewal (续保): how many days before the end it is due, and the price offered to a unit without contract. */
export function RenewalRulesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const schemaCheck = schemaValidator<Values>(settingsUpdateInput, t, toInput);
  const form = useForm<Values>({
    initialValues: { leadDays: settings.renewal.leadDays, defaultPrice: settings.renewal.defaultPriceFen === null ? '' : yuanText(settings.renewal.defaultPriceFen) },
    validate: (values) => ({
      ...Object.fromEntries(Object.entries(schemaCheck(values)).map(([path, text]) => [formPath(path), text])),
      ...moneyErrors(t, { defaultPrice: values.defaultPrice }, false),
    }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
        notifyDone(t('renewal.settings.saved'));
      },
      onError: (err) => {
        const shown = showServerFieldErrors({ setErrors: (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([p, m]) => [formPath(p), m]))) }, () => true, t, err);
        if (!shown) notifyError(t, err);
      },
    }),
  );
  return (
    <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])} data-testid="renewal-settings">
      <Stack gap="sm" maw={820} mt="xl">
        <div>
          <Title order={4} fz="sm" fw={600}>
            {t('renewal.settings.heading')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('renewal.settings.hint')}
          </Text>
        </div>
        <Group gap="sm" align="flex-start">
          <NumberInput
            w={200}
            label={t('renewal.settings.leadDays')}
            rightSection={<Text size="xs" c="dimmed">{t('service.rules.daysUnit')}</Text>}
            rightSectionWidth={40}
            min={1}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('leadDays')}
          />
          <MoneyInput w={360} label={t('renewal.settings.defaultPrice')} description={t('renewal.settings.defaultPriceHint')} {...form.getInputProps('defaultPrice')} />
        </Group>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
