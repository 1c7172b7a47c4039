import { Button, Menu } from '@mantine/core';
import { IconKey, IconLock, IconLockOpen, IconUser, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { askForPin, useApiMutation } from '../api/client';
import { SESSION_KEY, useSession, useSwitchOperator } from './SessionGate';
import { openSecuritySettings } from '../features/settings';
import { notifyDone, notifyError } from '../lib/notify';
import { localTime } from '../../../shared/domain/dates';

function clockTime(ms: number): string {
  const at = new Date(ms);
  return localTime(at);
}

/** The header's "who is at the desk": switch operator, lock the admin PIN again, or manage it. */
export function OperatorMenu() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession();
  const switchOperator = useSwitchOperator();
  const lock = useApiMutation('session:lock');
  const info = session.data;
  const until = info?.unlockedUntil ?? null;
  const { refetch } = session;

  // The backend renews the unlock with each guarded action: ask again when ours runs out.
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, until - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [until, refetch]);

  if (!info?.operator) return null;
  const unlocked = until !== null;
  const status = !info.pinSet ? t('security.menu.noPin') : unlocked ? t('security.menu.unlockedUntil', { time: clockTime(until) }) : t('security.menu.locked');

  const lockNow = () =>
    lock.mutate(
      {},
      {
        onSuccess: (next) => {
          client.setQueryData(SESSION_KEY, next);
          notifyDone(t('security.menu.lockedDone'));
        },
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Menu position="bottom-end" width={260} onOpen={() => void refetch()}>
      <Menu.Target>
        <Button
          variant="subtle"
          color={unlocked ? 'orange' : 'gray'}
          size="xs"
          leftSection={unlocked ? <IconLockOpen size={16} stroke={1.8} /> : <IconUser size={16} stroke={1.6} />}
          title={status}
          aria-label={`${t('security.menu.onDuty', { name: info.operator })} · ${status}`}
          data-testid="operator-menu"
          styles={{ label: { color: unlocked ? undefined : 'var(--mantine-color-text)' } }}
        >
          {t('security.menu.onDuty', { name: info.operator })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label c={unlocked ? 'orange.8' : undefined}>{status}</Menu.Label>
        <Menu.Item leftSection={<IconUsers size={16} stroke={1.6} />} onClick={switchOperator}>
          {t('security.menu.switch')}
        </Menu.Item>
        {unlocked && (
          <Menu.Item leftSection={<IconLock size={16} stroke={1.6} />} onClick={lockNow}>
            {t('security.menu.lock')}
          </Menu.Item>
        )}
        {!unlocked && info.pinSet && (
          <Menu.Item leftSection={<IconLockOpen size={16} stroke={1.6} />} onClick={() => void askForPin()}>
            {t('security.menu.unlock')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} stroke={1.6} />} onClick={openSecuritySettings}>
          {info.pinSet ? t('security.menu.managePin') : t('security.menu.setPin')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
