/**
 * A test's hold on the start's background work. The app never sets these. An end-to-end test
 * sets one to a promise it settles later: the day's backup then waits before checking its copy,
 * and the log's index fill before each step. Meanwhile the test sees the progress note on
 * screen, and after it settles the promise, sees the note clear. On a test-sized database
 * the real work finishes before a screen could show it.
 */
export const backgroundHolds: { backupCheck: Promise<void> | null; indexStep: Promise<void> | null } = {
  backupCheck: null,
  indexStep: null,
};
