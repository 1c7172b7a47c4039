import { Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/domain/policy-presets';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { policySummary } from '../products';
import { StepButtons } from './StepButtons';

/** The trades the company serves, each ticked one becoming a warranty policy with the trade's terms. */
export function PresetsStep({ onBack, onNext }: { onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const presets = useApiQuery('policies:presets', { language });
  const add = useApiMutation('policies:addPresets');
  const [chosen, setChosen] = useState<PresetId[]>([]);
  const fresh = chosen.filter((id) => !presets.data?.find((p) => p.id === id)?.exists);

  const next = () => {
    if (fresh.length === 0) return onNext();
    add.mutate(
      { ids: fresh, language },
      {
        onSuccess: (added) => {
          notifyDone(t('setup.policies.added', { count: added.length }));
          onNext();
        },
        onError: (err) => notifyError(t, err),
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('setup.policies.hint')}</Text>
      <QueryState isPending={presets.isPending} error={presets.error} />
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as PresetId[])} aria-label={t('setup.steps.policies')}>
        <Stack gap={6}>
          {presets.data?.map((preset) => (
            <Paper key={preset.id} withBorder px="sm" py={8} data-testid={`preset-${preset.id}`}>
              <Checkbox
                value={preset.id}
                disabled={preset.exists}
                label={
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {preset.name}
                    </Text>
                    {preset.exists && (
                      <Badge size="xs" variant="light" color="gray" tt="none">
                        {t('setup.policies.exists')}
                      </Badge>
                    )}
                  </Group>
                }
                description={`${t('setup.policies.basis', { basis: t(`warrantyBasis.${preset.basis}`) })} · ${policySummary(t, preset.components)}`}
              />
            </Paper>
          ))}
        </Stack>
      </Checkbox.Group>
      {chosen.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('setup.policies.none')}
        </Text>
      )}
      <StepButtons onBack={onBack} onNext={next} saving={add.isPending} />
    </Stack>
  );
}
