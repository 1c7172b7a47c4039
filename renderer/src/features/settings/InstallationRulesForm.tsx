import { Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { SETTINGS_KEY } from '../../app/language';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { SaveButton } from '../../ui/FormModal';

interface Values {
  noticeDays: number | string;
  cardIssueDays: number | string;
}

const whole = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));
const toInput = (values: Values) => ({ installation: { noticeDays: whole(values.noticeDays), cardIssueDays: whole(values.cardIssueDays) } });
/** The backend names fields by the stored shape (`installation.noticeDays`); the form by its own. */
const formPath = (path: string) => path.replace(/^installation\./, '');

/** Installation: the notice days before the appointment, and the days after completion by which the card should be out. */
export function InstallationRulesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const schemaCheck = schemaValidator<Values>(settingsUpdateInput, t, toInput);
  const form = useForm<Values>({
    initialValues: { noticeDays: settings.installation.noticeDays, cardIssueDays: settings.installation.cardIssueDays },
    validate: (values) => Object.fromEntries(Object.entries(schemaCheck(values)).map(([path, text]) => [formPath(path), text])),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
        notifyDone(t('installations.settings.saved'));
      },
      onError: (err) => {
        const shown = showServerFieldErrors({ setErrors: (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([p, m]) => [formPath(p), m]))) }, () => true, t, err);
        if (!shown) notifyError(t, err);
      },
    }),
  );
  const days = <Text size="xs" c="dimmed">{t('service.rules.daysUnit')}</Text>;
  return (
    <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])} data-testid="installation-settings">
      <Stack gap="sm" maw={820} mt="xl">
        <div>
          <Title order={4} fz="sm" fw={600}>
            {t('installations.settings.heading')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('installations.settings.hint')}
          </Text>
        </div>
        <Group gap="sm" align="flex-start">
          <NumberInput w={200} label={t('installations.settings.noticeDays')} rightSection={days} rightSectionWidth={40} min={0} max={60} allowDecimal={false} allowNegative={false} {...form.getInputProps('noticeDays')} />
          <NumberInput w={200} label={t('installations.settings.cardIssueDays')} rightSection={days} rightSectionWidth={40} min={1} max={365} allowDecimal={false} allowNegative={false} {...form.getInputProps('cardIssueDays')} />
        </Group>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
