import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/format';
import { call, useApiQuery } from '../api/client';
import { navigate } from '../app/router';
import { notifyError } from './notify';

/**
 * The always-visible caller lookup: Ctrl+K from anywhere, type part of the name or the phone,
 * Enter opens the first (or the highlighted) customer.
 */
export function CustomerSearch() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [query] = useDebouncedValue(value.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const results = useApiQuery('customers:search', { query, limit: 8 }, { enabled: query.length > 0 });

  useHotkeys(
    [
      [
        'mod+K',
        () => {
          inputRef.current?.focus();
          inputRef.current?.select();
        },
      ],
    ],
    [],
  );

  const customers = query ? (results.data ?? []) : [];

  const open = (id: string) => {
    navigate({ section: 'customer', id: Number(id) });
    setValue('');
    combobox.closeDropdown();
    inputRef.current?.blur();
  };

  // A fast typist (or a scanner) presses Enter before the debounce: ask for the typed text itself.
  const openFirst = async () => {
    const typed = value.trim();
    if (!typed) return;
    const hits = typed === query && results.data ? results.data : await call('customers:search', { query: typed, limit: 1 });
    if (hits[0]) open(String(hits[0].id));
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} width={460} position="bottom-start">
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          w={420}
          size="sm"
          value={value}
          aria-label={t('app.search.label')}
          placeholder={t('app.search.placeholder')}
          leftSection={results.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
          rightSection={<Kbd size="xs">{t('app.keys.search')}</Kbd>}
          rightSectionWidth={64}
          rightSectionPointerEvents="none"
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter with nothing highlighted opens the first hit: type, Enter, done.
            if (event.key === 'Enter' && combobox.selectedOptionIndex < 0) {
              event.preventDefault();
              openFirst().catch((err: unknown) => notifyError(t, err));
            }
            if (event.key === 'Escape') {
              setValue('');
              event.currentTarget.blur();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!query}>
        <Combobox.Options>
          {customers.map((c) => (
            <Combobox.Option key={c.id} value={String(c.id)}>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {c.name}
                </Text>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatPhone(c.phone)}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {c.address ?? ''}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
          {query && results.isSuccess && customers.length === 0 && (
            <Combobox.Empty>{t('app.search.noMatch', { query })}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
