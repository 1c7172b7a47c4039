import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Api } from '../../shared/contract';

/**
 * The page gets one function per contract channel and nothing else: no ipcRenderer, no
 * generic send, so a compromised page cannot reach a channel the contract does not name.
 */
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
