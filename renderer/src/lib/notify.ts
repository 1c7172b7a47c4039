import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorText } from './errorText';

export function notifyError(t: TFunction, err: unknown): void {
  notifications.show({ color: 'red', message: errorText(t, err), autoClose: 8000 });
}

export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
