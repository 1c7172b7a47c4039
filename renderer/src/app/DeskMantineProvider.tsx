import { MantineProvider } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, deskTheme } from './theme';
import './focus.css';
import './forced-colors.css';

/** Mantine with the desk's theme, rebuilt when the language changes (it names the dialogs' ×). */
export function DeskMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('app.common.close');
  const theme = useMemo(() => deskTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
