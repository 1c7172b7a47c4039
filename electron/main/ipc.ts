import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/result';

/** The slice of Electron's ipcMain and its event that registration needs (testable without it). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
}
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

/**
 * One handler per contract channel, no other. Every call is checked to come from our own
 * window before its input is even looked at.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>,
  isTrusted: (event: IpcEventLike) => boolean,
  onResult: (channel: string, input: unknown, result: Result<unknown>) => void = () => {},
): string[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrusted(event)) {
        const refused: Result<unknown> = { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender', details: {} } };
        return refused;
      }
      const result = await dispatch(channel, input);
      onResult(channel, input, result);
      return result;
    });
  }
  return [...CHANNELS];
}
