import { Alert, Button, Center, Divider, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/schemas/security';
import { useApiMutation, useApiQuery } from '../api/client';
import { errorText, fieldErrorTexts } from '../lib/errorText';
import { useSettings } from './language';
import { PinPrompt } from './PinPrompt';

export const SESSION_KEY = ['session:get', {}] as const;

/** Who is at the desk and whether the admin PIN has unlocked it; shared by the gate, the menu and Settings. */
export function useSession() {
  return useApiQuery('session:get', {});
}

const SwitchOperator = createContext<() => void>(() => undefined);

/** Hands the desk to someone else: the start screen asks again who is at it. */
export function useSwitchOperator(): () => void {
  return useContext(SwitchOperator);
}

/** Arrow keys walk the name buttons, as they would a row of keys on a phone. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (step === undefined) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-operator]'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
}

/** The calm first screen: every change is stamped with a name, so the desk asks for one before anything else. */
function StartScreen({ info, onBegun }: { info: SessionInfo; onBegun: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const company = useSettings().data?.companyName;
  const begin = useApiMutation('session:begin');
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<{ from: 'list' | 'name'; text: string } | null>(null);

  const start = (operator: string, from: 'list' | 'name') => {
    if (begin.isPending) return;
    setFailure(null);
    begin.mutate(
      { operator },
      {
        onSuccess: (next) => {
          client.setQueryData(SESSION_KEY, next);
          onBegun();
        },
        onError: (err) => setFailure({ from, text: fieldErrorTexts(t, err).operator ?? errorText(t, err) }),
      },
    );
  };

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    const typed = name.trim();
    if (typed === '') setFailure({ from: 'name', text: t('validation.required') });
    else start(typed, 'name');
  };

  const known = info.operators;
  return (
    <Center mih="100vh" bg="gray.0" p="md" data-testid="start-screen">
      <Paper withBorder shadow="xs" p="xl" w={520} radius="md">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {company ? `${t('appName')} · ${company}` : t('appName')}
            </Text>
            <Title order={1} fz={26} fw={700} mt={4}>
              {t('security.start.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {known.length > 0 ? t('security.start.hint') : t('security.start.firstTime')}
            </Text>
          </div>
          {known.length > 0 && (
            <SimpleGrid cols={3} spacing="xs" role="group" aria-label={t('security.start.known')} onKeyDown={moveFocus}>
              {known.map((operator, index) => (
                <Button
                  key={operator.id}
                  data-operator
                  variant={index === 0 ? 'light' : 'default'}
                  size="md"
                  leftSection={<IconUser size={16} stroke={1.6} />}
                  autoFocus={index === 0}
                  loading={begin.isPending && begin.variables.operator === operator.name}
                  onClick={() => start(operator.name, 'list')}
                  styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
                >
                  {operator.name}
                </Button>
              ))}
            </SimpleGrid>
          )}
          {failure?.from === 'list' && (
            <Alert color="red" variant="light" role="alert" py={8}>
              <Text size="sm">{failure.text}</Text>
            </Alert>
          )}
          {known.length > 0 && <Divider label={t('security.start.newName')} labelPosition="left" />}
          <form noValidate onSubmit={submitName}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <TextInput
                flex={1}
                size="md"
                aria-label={t('security.start.newName')}
                placeholder={t('security.start.newNamePlaceholder')}
                maxLength={30}
                autoFocus={known.length === 0}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={failure?.from === 'name' ? failure.text : undefined}
              />
              <Button type="submit" size="md" loading={begin.isPending && begin.variables.operator === name.trim()}>
                {t('security.start.begin')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}

/**
 * Nothing of the desk shows until someone says who is at it (and again after "switch operator").
 * If the session cannot be read at all, the desk still opens: its pages say what is wrong.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useSession();
  const [switching, setSwitching] = useState(false);
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  }
  const info = session.data;
  if (info && (switching || info.operator === null)) return <StartScreen info={info} onBegun={() => setSwitching(false)} />;
  return (
    <SwitchOperator.Provider value={() => setSwitching(true)}>
      {children}
      <PinPrompt onUnlocked={(next) => client.setQueryData(SESSION_KEY, next)} />
    </SwitchOperator.Provider>
  );
}
