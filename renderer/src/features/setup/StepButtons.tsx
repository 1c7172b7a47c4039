import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Back and Next (or Skip) under each step of the first-start setup. */
export function StepButtons({ onBack, onNext, saving = false, skip = false }: { onBack?: () => void; onNext: () => void; saving?: boolean; skip?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          {t('setup.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button variant={skip ? 'default' : 'filled'} onClick={onNext} loading={saving} data-testid="setup-next">
        {t(skip ? 'setup.skip' : 'setup.next')}
      </Button>
    </Group>
  );
}
