/// <reference types="vite/client" />
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/tiptap/styles.css';
import '@mantine/charts/styles.css';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '../../shared/i18n/languages';
import type { HealthStatus } from '../../shared/schemas/health';
import type { Settings } from '../../shared/schemas/settings';
import { call } from './api/client';
import { App } from './app/App';
import { RecoveryScreen } from './app/RecoveryScreen';
import { i18n, initI18n, isLanguage } from './app/i18n';
import { DeskMantineProvider } from './app/DeskMantineProvider';
import { SETTINGS_KEY } from './app/language';

const queryClient = new QueryClient({
  defaultOptions: {
    // One local database and one clerk: data changes only through this window.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

/** The database could not be opened: no app, no settings, only the screen that explains and restores. */
function startRecovery(root: HTMLElement, status: HealthStatus): void {
  initI18n(DEFAULT_LANGUAGE);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DeskMantineProvider>
          <RecoveryScreen initial={status} />
        </DeskMantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  // Asked first: in recovery mode every other channel answers that the database is not open.
  const health = await call('health:status', {}).catch((error: unknown) => {
    console.error(error);
    return null;
  });
  if (health?.mode === 'recovery') {
    startRecovery(root, health);
    return;
  }

  // The stored language is read before the first paint, so the screen never flips language.
  let settings: Settings | null = null;
  try {
    settings = await call('settings:get', {});
    queryClient.setQueryData(SETTINGS_KEY, settings);
  } catch (error) {
    // The app still opens (in the default language); the pages show the error where it matters.
    console.error(error);
  }
  initI18n(isLanguage(settings?.language) ? settings.language : DEFAULT_LANGUAGE);

  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DeskMantineProvider>
          <Notifications position="bottom-right" limit={4} />
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </DeskMantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
