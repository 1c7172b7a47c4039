import { Combobox, Group, Kbd, Loader, ScrollArea, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconArrowRight, IconPhoneCall, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/schemas/document';
import type { SearchHit } from '../../../../shared/schemas/search';
import { call, useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';
import { DocumentPreviewModal, type PreviewDocument } from '../../ui/DocumentPreviewModal';
import { notifyError } from '../../lib/notify';
import { actionEntries, actionKey, matchActions, phoneOf, type ActionEntry } from './actions';
import { startLogCall, type CallPrefill } from '../calls';
import { HitRow } from './HitRow';
import { startNewRepair } from './newRepair';
import { onOpenSearch, startNewCaller, type CallerPrefill } from './searchBus';

const DEBOUNCE_MS = 120;
const LIMIT = 12;
const CALLER_VALUE = 'caller:new';
/** A whole mobile number: long enough that "no customer has it" means a new caller. */
const WHOLE_NUMBER_DIGITS = 11;

type HitKind = SearchHit['kind'];

const hitValue = (hit: SearchHit) => `${hit.kind}:${hit.id}`;
const actionValue = (entry: ActionEntry) => `action:${actionKey(entry.action)}`;
const digitsOf = (text: string) => text.replace(/\D/g, '');

function isDocumentKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** Hits grouped by kind, the groups in the order their first hit came: the first row is the best. */
function groupHits(hits: SearchHit[]): [HitKind, SearchHit[]][] {
  const groups = new Map<HitKind, SearchHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups.entries()];
}

/**
 * Whether to offer "new customer with what was typed": when nothing was found, or when a whole
 * phone number was typed and none of the customers found has it (a new caller sharing digits).
 */
function offersNewCaller(query: string, hits: SearchHit[]): boolean {
  if (!query) return false;
  if (hits.length === 0) return true;
  const phone = phoneOf(query);
  if (!phone || digitsOf(phone).length < WHOLE_NUMBER_DIGITS) return false;
  return !hits.some((h) => h.kind === 'customer' && digitsOf(h.phone).endsWith(digitsOf(phone)));
}

/** The number as the clerk typed it (spaces and all: the form reads it the same way). */
function callerPrefill(query: string): CallerPrefill {
  const typed = query.trim();
  return phoneOf(typed) ? { phone: typed, repair: true } : { name: typed, repair: true };
}

/** Who a call to log is from: the first customer or unit found, else the number (or name) typed. */
function callPrefillOf(query: string, hits: SearchHit[]): CallPrefill {
  const hit = hits.find((h) => h.kind === 'customer' || h.kind === 'unit');
  if (hit?.kind === 'customer') return { customerId: hit.id, customerName: hit.name };
  if (hit?.kind === 'unit') return { customerId: hit.customerId, customerName: hit.customerName, unitId: hit.id };
  const typed = query.trim();
  return phoneOf(typed) ? { callerPhone: typed } : { callerName: typed };
}

/**
 * The always-visible search: Ctrl+K from anywhere, type any part of a phone, a name, pinyin
 * initials, a serial or a document number; Enter opens the first hit, arrows pick another. A
 * caller nobody knows becomes a new customer from here, and the box runs the desk's commands
 * ("新建报修", "设置") the way a command palette does.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [query] = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const results = useApiQuery('search:query', { query, limit: LIMIT }, { enabled: query.length > 0, placeholderData: (previous) => previous });
  const entries = useMemo(() => actionEntries(t), [t]);

  const focusSearch = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
    combobox.openDropdown();
  };

  // Ctrl+N is "new repair" on every screen (one keyboard map).
  const newRepair = () => startNewRepair(t);

  useHotkeys(
    [
      ['mod+K', focusSearch],
      ['mod+N', newRepair],
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

  const settled = query.length > 0 && results.isSuccess && !results.isPlaceholderData;
  const hits = query ? (results.data ?? []) : [];
  const groups = groupHits(hits);
  const actions = matchActions(query, entries);
  const newCaller = settled && offersNewCaller(query, hits);
  // Offered under a caller found, or a number typed; Shift+Enter logs any typed name as well.
  const offersLogCall = settled && (phoneOf(query) !== null || hits.some((h) => h.kind === 'customer' || h.kind === 'unit'));

  const close = () => {
    setValue('');
    combobox.closeDropdown();
    inputRef.current?.blur();
  };

  const openHit = (hit: SearchHit) => {
    close();
    if (hit.kind === 'customer') navigate({ section: 'customer', id: hit.id });
    else if (hit.kind === 'unit') navigate({ section: 'unit', id: hit.id });
    else if (hit.kind === 'ticket') navigate({ section: 'ticket', id: hit.id });
    else if (hit.kind === 'visit') navigate({ section: 'visit', id: hit.id });
    else if (hit.kind === 'installation') navigate({ section: 'installation', id: hit.id });
    else if (hit.kind === 'contract') navigate({ section: 'contract', id: hit.id });
    else if (isDocumentKind(hit.documentKind)) setPreview({ id: hit.id, kind: hit.documentKind, number: hit.number });
  };

  const runAction = (entry: ActionEntry) => {
    const { action } = entry;
    if (action.kind === 'newRepair') return newRepair();
    close();
    if (action.kind === 'newCustomer') startNewCaller({ repair: false });
    else navigate({ section: action.section });
  };

  const welcome = (typed: string) => {
    close();
    startNewCaller(callerPrefill(typed));
  };

  // A fast typist (or a pasted number) presses Enter before the debounce: ask for the typed text itself.
  const openFirst = async () => {
    const typed = value.trim();
    if (!typed) return;
    const current = typed === query && results.data && !results.isPlaceholderData && !results.isFetching;
    const found = current ? results.data! : await call('search:query', { query: typed, limit: LIMIT });
    const [action] = matchActions(typed, entries);
    if (found[0]) openHit(found[0]);
    else if (action) runAction(action);
    else welcome(typed);
  };

  // Shift+Enter, or the line under the hits: the call is logged against who was found (every call is, issue 20).
  const logCall = (found: SearchHit[], typed: string) => {
    close();
    startLogCall(callPrefillOf(typed, found));
  };
  const logCallFirst = async () => {
    const typed = value.trim();
    const current = typed === query && results.data && !results.isPlaceholderData && !results.isFetching;
    const found = !typed ? [] : current ? results.data! : await call('search:query', { query: typed, limit: LIMIT });
    logCall(found, typed);
  };

  const submit = (picked: string) => {
    if (picked === CALLER_VALUE) return welcome(query);
    const hit = hits.find((h) => hitValue(h) === picked);
    if (hit) return openHit(hit);
    const entry = actions.find((a) => actionValue(a) === picked);
    if (entry) runAction(entry);
  };

  const callerLabel = () => {
    const prefill = callerPrefill(query);
    return t('app.search.newCaller', { who: prefill.phone ?? prefill.name });
  };

  return (
    <>
      <Combobox store={combobox} onOptionSubmit={submit} width={640} position="bottom-start">
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
              if (event.key === 'Enter' && event.shiftKey) {
                event.preventDefault();
                logCallFirst().catch((err: unknown) => notifyError(t, err));
                return;
              }
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
          <Combobox.Options aria-label={t('app.search.resultsLabel')}>
            {/* Vertical only: a row wider than the dropdown truncates its long parts (each with its title)
                instead of pushing the warranty and "covered until" out of sight to the right. */}
            <ScrollArea.Autosize mah="calc(100vh - 120px)" type="scroll" scrollbars="y" styles={{ content: { minWidth: '100%' } }}>
              {groups.map(([kind, list]) => (
                <Combobox.Group key={kind} label={t(`app.search.groups.${kind}`)}>
                  {list.map((hit) => (
                    <Combobox.Option key={hitValue(hit)} value={hitValue(hit)} data-kind={hit.kind}>
                      <HitRow hit={hit} />
                    </Combobox.Option>
                  ))}
                </Combobox.Group>
              ))}
              {settled && hits.length === 0 && (
                <Text size="sm" c="dimmed" px="sm" py={6} data-testid="search-no-match">
                  {t('app.search.noMatch', { query })}
                </Text>
              )}
              {(actions.length > 0 || newCaller) && (
                <Combobox.Group label={t('app.search.groups.action')}>
                  {actions.map((entry) => (
                    <Combobox.Option key={actionValue(entry)} value={actionValue(entry)} data-kind="action" data-action={actionKey(entry.action)}>
                      <Group gap="sm" wrap="nowrap">
                        <IconArrowRight size={16} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} />
                        <Text size="sm">{entry.label}</Text>
                      </Group>
                    </Combobox.Option>
                  ))}
                  {newCaller && (
                    <Combobox.Option value={CALLER_VALUE} data-kind="new-caller">
                      <Group gap="sm" wrap="nowrap">
                        <IconUserPlus size={16} stroke={1.6} style={{ flexShrink: 0 }} />
                        <Text size="sm" fw={600}>
                          {callerLabel()}
                        </Text>
                        <Text size="xs" c="dimmed" ml="auto">
                          {t('app.search.newCallerHint')}
                        </Text>
                      </Group>
                    </Combobox.Option>
                  )}
                </Combobox.Group>
              )}
              {offersLogCall && (
                // Not one of the options (the hits and commands keep their places and count): a line
                // under them, Shift+Enter from the box, or a click, logs the call.
                <Group
                  gap="sm"
                  wrap="nowrap"
                  px="sm"
                  py={6}
                  data-testid="search-log-call"
                  style={{ cursor: 'pointer', borderTop: '1px solid var(--mantine-color-default-border)' }}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    logCall(hits, query);
                  }}
                >
                  <IconPhoneCall size={16} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} />
                  <Text size="sm">{t('calls.search.logCall')}</Text>
                  <Kbd size="xs" ml="auto">
                    {t('calls.search.logCallHint')}
                  </Kbd>
                </Group>
              )}
            </ScrollArea.Autosize>
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}
