import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import type { Settings } from '../../../shared/schemas/settings';
import { call, useApiQuery } from '../api/client';
import { i18n, isLanguage } from './i18n';
import { notifyError } from '../lib/notify';

export const SETTINGS_KEY = ['settings:get', {}] as const;

export function useSettings() {
  return useApiQuery('settings:get', {}, { staleTime: Infinity });
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** Keeps the screen in the stored language (also when another part of the app changed it). */
export function useStoredLanguage(): void {
  const stored = useSettings().data?.language;
  useEffect(() => {
    if (isLanguage(stored)) applyLanguage(stored);
  }, [stored]);
}

/** Switches the screen language at once and stores it, so the next start opens in it. */
export function useLanguageSwitch() {
  const { t, i18n: active } = useTranslation();
  const client = useQueryClient();
  const language: Language = isLanguage(active.language) ? active.language : 'zh-CN';
  const setLanguage = (next: Language) => {
    applyLanguage(next);
    call('settings:update', { language: next }).then(
      (settings: Settings) => client.setQueryData(SETTINGS_KEY, settings),
      (err: unknown) => {
        applyLanguage(language);
        notifyError(t, err);
      },
    );
  };
  return { language, setLanguage };
}

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguageSwitch();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('app.header.language')}
      value={language}
      onChange={(value) => isLanguage(value) && setLanguage(value)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
