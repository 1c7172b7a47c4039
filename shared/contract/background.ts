import type { BackgroundWork } from '../schemas/background';
import { none, read, returns } from './channel';

/** What runs beside the desk after the start (issue 23): the day's backup, an index being filled. */
export const backgroundChannels = {
  'health:background': read(none, returns<BackgroundWork>()),
  /**
   * The clerk is at the desk: a key or a click in the window, sent at most every few seconds.
   * The pages' own refreshes do not count. A document worker let go while the desk was left
   * alone starts warming up again, so the paper about to be printed finds it warm.
   */
  'desk:active': read(none, returns<null>()),
} as const;
