import { Group, Input, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation } from '../../api/client';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { LanguageSwitch, SETTINGS_KEY, useSettings } from '../../app/language';
import { notifyDone, notifyError } from '../../lib/notify';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { SaveButton } from '../../ui/FormModal';
import { LogoForm, WarrantyRulesForm } from './WarrantyRulesForm';
import { CalendarPanel, CalendarTabLabel } from './CalendarPanel';
import { ServiceLevelsPanel } from './ServiceLevelsPanel';
import { ServiceRulesForm } from './ServiceRulesForm';
import { RenewalRulesForm } from './RenewalRulesForm';
import { InstallationRulesForm } from './InstallationRulesForm';
import { CardPromisesForm } from './CardPromisesForm';
import { BackupsPanel } from './BackupsPanel';
import { SecurityPanel, useSettingsTabRequest } from './SecurityPanel';
import { HealthPanel } from './HealthPanel';
import { PrintingPanel } from './PrintingPanel';
import { ChecklistsPanel } from './ChecklistsPanel';
import { SamplePanel } from '../sample';
import { CallbackReviewPanel } from './CallbackReviewPanel';

interface Values {
  companyName: string;
  hotline: string;
  complaintLine: string;
  address: string;
}
const FIELDS = ['companyName', 'hotline', 'complaintLine', 'address'] as const;

/** The company's letterhead details; the first-start setup uses it too, with "Next" for Save. */
export function CompanyForm({ settings, onSaved, submitLabel }: { settings: Settings; onSaved?: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const form = useForm<Values>({
    initialValues: {
      companyName: settings.companyName,
      hotline: settings.hotline,
      complaintLine: settings.complaintLine ?? '',
      address: settings.address ?? '',
    },
    validate: schemaValidator<Values>(settingsUpdateInput, t),
  });

  const handleSubmit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
        notifyDone(t('app.settings.saved'));
        onSaved?.();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
      },
    }),
  );

  return (
    <form noValidate onSubmit={handleSubmit} onKeyDown={getHotkeyHandler([['mod+S', () => handleSubmit()]])}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <TextInput label={t('app.settings.companyName')} withAsterisk {...form.getInputProps('companyName')} />
          <TextInput label={t('app.settings.hotline')} withAsterisk inputMode="tel" {...form.getInputProps('hotline')} />
          <TextInput label={t('app.settings.complaintLine')} inputMode="tel" {...form.getInputProps('complaintLine')} />
          <TextInput label={t('app.settings.address')} {...form.getInputProps('address')} />
        </SimpleGrid>
        <Group>
          <SaveButton loading={save.isPending} label={submitLabel} />
        </Group>
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const request = useSettingsTabRequest();
  return (
    <>
      <PageHeader title={t('app.settings.title')} />
      <Tabs key={request.n} defaultValue={request.tab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="general">{t('service.tabs.general')}</Tabs.Tab>
          <Tabs.Tab value="serviceLevels">{t('service.tabs.serviceLevels')}</Tabs.Tab>
          <Tabs.Tab value="calendar">
            <CalendarTabLabel />
          </Tabs.Tab>
          <Tabs.Tab value="serviceRules">{t('service.tabs.serviceRules')}</Tabs.Tab>
          <Tabs.Tab value="checklists">{t('inspect.checklists.tab')}</Tabs.Tab>
          <Tabs.Tab value="callbacks">{t('survey.editor.tab')}</Tabs.Tab>
          <Tabs.Tab value="printing">{t('printing.tab')}</Tabs.Tab>
          <Tabs.Tab value="backups">{t('backup.tab')}</Tabs.Tab>
          <Tabs.Tab value="security">{t('security.panel.tab')}</Tabs.Tab>
          <Tabs.Tab value="health">{t('health.panel.tab')}</Tabs.Tab>
          <Tabs.Tab value="sample">{t('sample.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <Stack gap="md" maw={820}>
            <Section title={t('app.settings.company')} hint={t('app.settings.companyHint')}>
              <QueryState isPending={settings.isPending} error={settings.error} />
              {settings.data && <CompanyForm settings={settings.data} />}
              {settings.data && (
                <Stack gap={4} mt="md">
                  <Text size="sm" fw={500}>
                    {t('app.settings.logo.title')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('app.settings.logo.hint')}
                  </Text>
                  <LogoForm settings={settings.data} />
                </Stack>
              )}
            </Section>
            <Section title={t('app.settings.rules.title')} hint={t('app.settings.rules.hint')}>
              {settings.data && <WarrantyRulesForm settings={settings.data} />}
            </Section>
            <Section title={t('app.settings.card.title')} hint={t('app.settings.card.hint')}>
              {settings.data && <CardPromisesForm settings={settings.data} />}
            </Section>
            <Section title={t('app.settings.language')} hint={t('app.settings.languageHint')}>
              <Input.Wrapper label={t('app.settings.languageLabel')}>
                <div>
                  <LanguageSwitch size="sm" />
                </div>
              </Input.Wrapper>
            </Section>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="serviceLevels">
          <ServiceLevelsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarPanel />
        </Tabs.Panel>
        <Tabs.Panel value="serviceRules">
          {settings.data && <ServiceRulesForm settings={settings.data} />}
          {settings.data && <RenewalRulesForm settings={settings.data} />}
          {settings.data && <InstallationRulesForm settings={settings.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="checklists">
          <ChecklistsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="callbacks">
          <CallbackReviewPanel />
        </Tabs.Panel>
        <Tabs.Panel value="printing">{settings.data && <PrintingPanel settings={settings.data} />}</Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="security"><SecurityPanel /></Tabs.Panel>
        <Tabs.Panel value="health"><HealthPanel /></Tabs.Panel>
        <Tabs.Panel value="sample"><SamplePanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
