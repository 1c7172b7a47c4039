import { Badge, Combobox, Group, Kbd, Loader, ScrollArea, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconDeviceDesktop, IconFileText, IconSearch, IconTool, IconUser } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPhone } from '../../../../shared/format';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/schemas/document';
import type { SearchHit } from '../../../../shared/schemas/search';
import { call, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { notifyError } from '../../lib/notify';
import { onOpenSearch } from './searchBus';
import { WarrantyBadge } from '../../ui/WarrantyBadge';

const DEBOUNCE_MS = 120;
const LIMIT = 12;
/** A caller's units shown as badges in their row; the rest are counted. */
const UNIT_BADGES = 3;

type HitKind = SearchHit['kind'];
const KIND_ICON = { customer: IconUser, unit: IconDeviceDesktop, document: IconFileText, ticket: IconTool } as const;

const hitValue = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

function isDocumentKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** Hits grouped by kind, the groups in the order their first hit came: the first row is the best. */
function groupHits(hits: SearchHit[]): [HitKind, SearchHit[]][] {
  const groups = new Map<HitKind, SearchHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups.entries()];
}

function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const Icon = KIND_ICON[hit.kind];
  const icon = <Icon size={16} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} />;
  const nowrap = { whiteSpace: 'nowrap' } as const;
  switch (hit.kind) {
    case 'customer':
      return (
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Text size="sm" fw={600} style={nowrap}>
            {hit.name}
          </Text>
          <Text size="sm" c="dimmed" style={nowrap}>
            {formatPhone(hit.phone)}
          </Text>
          {hit.archived && (
            <Badge size="xs" color="gray" variant="outline" tt="none">
              {t('app.search.archived')}
            </Badge>
          )}
          <Group gap={4} wrap="nowrap" ml="auto">
            {hit.units.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('app.search.noUnits')}
              </Text>
            )}
            {hit.units.slice(0, UNIT_BADGES).map((u) => (
              <WarrantyBadge key={u.id} state={u.summary} size="xs" title={u.label} />
            ))}
            {hit.units.length > UNIT_BADGES && (
              <Text size="xs" c="dimmed" style={nowrap}>
                {t('app.search.moreUnits', { count: hit.units.length })}
              </Text>
            )}
          </Group>
        </Group>
      );
    case 'unit':
      return (
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Text size="sm" fw={600} style={nowrap}>
            {hit.brand} {hit.model}
          </Text>
          <Text size="sm" ff="monospace" style={nowrap}>
            {hit.serial}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {hit.customerName}
          </Text>
          <Group gap={6} wrap="nowrap" ml="auto">
            <WarrantyBadge state={hit.summary} size="xs" />
            {hit.end && (
              <Text size="xs" c="dimmed" style={nowrap}>
                {t('app.search.until', { date: formatDate(hit.end, lang) })}
              </Text>
            )}
          </Group>
        </Group>
      );
    case 'ticket':
      return (
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Text size="sm" ff="monospace" fw={600} style={nowrap}>
            {hit.number}
          </Text>
          <Badge size="xs" variant="light" tt="none">
            {t(`ticketing.status.${hit.status}`)}
          </Badge>
          <Text size="sm" c="dimmed" truncate>
            {hit.customerName} · {hit.unitLabel}
          </Text>
        </Group>
      );
    case 'document':
      return (
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Text size="sm" ff="monospace" fw={600} style={nowrap}>
            {hit.number}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {hit.title}
          </Text>
        </Group>
      );
  }
}

/**
 * The always-visible search: Ctrl+K from anywhere, type any part of a phone, a name, pinyin
 * initials, a serial or a document number; Enter opens the first hit, arrows pick another.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [query] = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const results = useApiQuery('search:query', { query, limit: LIMIT }, { enabled: query.length > 0, placeholderData: (previous) => previous });

  useHotkeys(
    [
      [
        'mod+K',
        () => {
          inputRef.current?.focus();
          inputRef.current?.select();
          combobox.openDropdown();
        },
      ],
    ],
    [],
  );

  // The scanner found several units with one serial: show them here to pick from.
  useEffect(
    () =>
      onOpenSearch((typed) => {
        setValue(typed);
        inputRef.current?.focus();
        combobox.openDropdown();
      }),
    [combobox],
  );

  const hits = query ? (results.data ?? []) : [];
  const groups = groupHits(hits);

  const openHit = (hit: SearchHit) => {
    setValue('');
    combobox.closeDropdown();
    inputRef.current?.blur();
    if (hit.kind === 'customer') navigate({ section: 'customer', id: hit.id });
    else if (hit.kind === 'unit') navigate({ section: 'unit', id: hit.id });
    else if (hit.kind === 'ticket') navigate({ section: 'ticket', id: hit.id });
    else if (isDocumentKind(hit.documentKind)) setPreview({ id: hit.id, kind: hit.documentKind, number: hit.number });
  };

  // A fast typist (or a pasted number) presses Enter before the debounce: ask for the typed text itself.
  const openFirst = async () => {
    const typed = value.trim();
    if (!typed) return;
    const current = typed === query && results.data && !results.isPlaceholderData && !results.isFetching;
    const found = current ? results.data! : await call('search:query', { query: typed, limit: 1 });
    if (found[0]) openHit(found[0]);
  };

  return (
    <>
      <Combobox
        store={combobox}
        onOptionSubmit={(v) => {
          const hit = hits.find((h) => hitValue(h) === v);
          if (hit) openHit(hit);
        }}
        width={640}
        position="bottom-start"
      >
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            w={440}
            size="sm"
            value={value}
            aria-label={t('app.search.label')}
            placeholder={t('app.search.placeholder')}
            leftSection={results.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
            rightSection={<Kbd size="xs">{t('app.keys.search')}</Kbd>}
            rightSectionWidth={64}
            rightSectionPointerEvents="none"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              // Enter with nothing highlighted opens the first hit: type, Enter, done.
              if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
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
        <Combobox.Dropdown hidden={!query} data-testid="search-dropdown">
          <Combobox.Options>
            <ScrollArea.Autosize mah="calc(100vh - 120px)" type="scroll">
              {groups.map(([kind, list]) => (
                <Combobox.Group key={kind} label={t(`app.search.groups.${kind}`)}>
                  {list.map((hit) => (
                    <Combobox.Option key={hitValue(hit)} value={hitValue(hit)} data-kind={hit.kind}>
                      <HitRow hit={hit} />
                    </Combobox.Option>
                  ))}
                </Combobox.Group>
              ))}
              {query && results.isSuccess && !results.isPlaceholderData && hits.length === 0 && (
                <Combobox.Empty>{t('app.search.noMatch', { query })}</Combobox.Empty>
              )}
            </ScrollArea.Autosize>
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
