import { Anchor, Button, Container, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/client';
import { LanguageSwitch, useSettings } from '../../app/language';
import { RecoveryCodeModal } from '../../app/RecoveryCodeModal';
import { useSession } from '../../app/SessionGate';
import { notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { LoadSampleButton } from '../sample';
import { CompanyForm, LogoForm, PinForm } from '../settings';
import { PresetsStep } from './PresetsStep';
import { StepButtons } from './StepButtons';

const STEPS = ['company', 'logo', 'policies', 'backups', 'pin'] as const;

function BackupsStep({ onBack, onNext }: { onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const list = useApiQuery('backups:list', {});
  const choose = useApiMutation('backups:chooseFolder');
  const folder = list.data ? (list.data.isDefaultFolder ? t('setup.backups.besideData') : list.data.folder) : '';
  return (
    <Stack gap="sm">
      <Text size="sm">{t('setup.backups.hint')}</Text>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Group gap="sm">
          <Text size="sm" data-testid="setup-backup-folder">
            {t('setup.backups.current', { folder })}
          </Text>
          <Button variant="default" size="xs" loading={choose.isPending} onClick={() => choose.mutate({}, { onError: (err) => notifyError(t, err) })}>
            {t('setup.backups.choose')}
          </Button>
        </Group>
      )}
      <StepButtons onBack={onBack} onNext={onNext} />
    </Stack>
  );
}

/**
 * The first start, from install to a printed card in minutes: the company on the letterhead, the
 * trade's warranty policies, where backups go and the admin PIN. Every step can be changed later
 * in Settings; the whole setup can be skipped.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const settings = useSettings();
  const session = useSession();
  const finish = useApiMutation('settings:update');
  const [step, setStep] = useState(0);
  // A first PIN comes with its recovery code: shown once, to print or write down.
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const back = () => setStep((s) => Math.max(0, s - 1));
  const next = () => setStep((s) => s + 1);
  const done = () => finish.mutate({ setupDone: true }, { onError: (err) => notifyError(t, err) });
  const s = settings.data;
  const pinSet = session.data?.pinSet ?? false;

  return (
    <Container size={880} py="xl" data-testid="setup-wizard">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t('setup.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('setup.intro')}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <LanguageSwitch size="sm" />
          <Anchor component="button" type="button" size="sm" onClick={done} data-testid="setup-skip-all">
            {t('setup.skipAll')}
          </Anchor>
        </Stack>
      </Group>
      <QueryState isPending={settings.isPending} error={settings.error} />
      {s && (
        <Paper withBorder p="lg">
          <Stepper active={step} onStepClick={(i) => i < step && setStep(i)} size="sm">
            {STEPS.map((key) => (
              <Stepper.Step key={key} label={t(`setup.steps.${key}`)} />
            ))}
            <Stepper.Completed>{null}</Stepper.Completed>
          </Stepper>
          <Stack gap="sm" mt="lg" data-testid={`setup-step-${STEPS[step] ?? 'done'}`}>
            {step === 0 && (
              <>
                <Text size="sm">{t('setup.company.hint')}</Text>
                <CompanyForm settings={s} submitLabel={t('setup.next')} onSaved={next} />
              </>
            )}
            {step === 1 && (
              <>
                <Text size="sm">{t('setup.logo.hint')}</Text>
                <LogoForm settings={s} />
                <StepButtons onBack={back} onNext={next} skip={!s.logo} />
              </>
            )}
            {step === 2 && <PresetsStep onBack={back} onNext={next} />}
            {step === 3 && <BackupsStep onBack={back} onNext={next} />}
            {step === 4 && (
              <>
                <Text size="sm">{t('setup.pin.hint')}</Text>
                {pinSet ? <Text size="sm" fw={600}>{t('setup.pin.set')}</Text> : <PinForm mode="set" onCode={setRecoveryCode} />}
                {recoveryCode && <RecoveryCodeModal code={recoveryCode} onDone={() => setRecoveryCode(null)} />}
                <StepButtons onBack={back} onNext={next} skip={!pinSet} />
              </>
            )}
            {step === 5 && (
              <>
                <Title order={2} fz="lg">
                  {t('setup.done.title')}
                </Title>
                <Text size="sm">{t('setup.done.hint')}</Text>
                <Paper withBorder p="sm">
                  <Group justify="space-between" wrap="nowrap" gap="md">
                    <Text size="sm">{t('sample.wizardHint')}</Text>
                    <LoadSampleButton />
                  </Group>
                </Paper>
                <Group justify="space-between">
                  <Button variant="default" onClick={back}>
                    {t('setup.back')}
                  </Button>
                  <Button onClick={done} loading={finish.isPending} data-testid="setup-start">
                    {t('setup.done.start')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
