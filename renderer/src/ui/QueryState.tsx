import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errorText';

/** Loading and failure of a query, said the same way on every page. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert color="red" variant="light" my="sm">
        {errorText(t, error)}
      </Alert>
    );
  }
  if (isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('app.common.loading')} />
      </Center>
    );
  }
  return null;
}
