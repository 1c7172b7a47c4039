import { none, read, returns } from './channel';

export interface AppInfo {
  version: string;
  dbPath: string;
  documentsDir: string;
  schemaVersion: number;
}

export const appChannels = {
  'app:info': read(none, returns<AppInfo>()),
};
