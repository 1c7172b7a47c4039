import type { BackgroundWork } from '../schemas/background';
import { none, read, returns } from './channel';

/** What runs beside the desk after the start (issue 23): the day's backup, an index being filled. */
export const backgroundChannels = {
  'health:background': read(none, returns<BackgroundWork>()),
} as const;
