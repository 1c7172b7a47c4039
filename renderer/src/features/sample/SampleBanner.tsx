import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/client';

/** While sample data is in the desk, every page says so: practice must not pass for real records. */
export function SampleBanner({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  const status = useApiQuery('sample:status', {});
  if (!status.data?.loaded) return null;
  return (
    <Alert variant="light" color="yellow" icon={<IconFlask size={18} />} py={6} mb="sm" data-testid="sample-banner">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" span>
          {t('sample.banner')}
        </Text>
        <Anchor component="button" type="button" size="sm" fw={600} underline="always" onClick={onRemove}>
          {t('sample.goRemove')}
        </Anchor>
      </Group>
    </Alert>
  );
}
