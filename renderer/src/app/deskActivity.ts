import { useEffect } from 'react';
import { call } from '../api/client';

/** How often at most the backend hears that the clerk is at the desk. */
const EVERY_MS = 10_000;

/**
 * Tells the backend the clerk is at the desk (a key or a click anywhere in the window), so that a
 * document worker let go while the desk was left alone warms up again before the clerk reaches
 * "print" (issue 23). The pages' own refreshes say nothing about anyone being there.
 */
export function useDeskActivity(): void {
  useEffect(() => {
    let last = 0;
    const seen = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      // Nothing to say if it fails: the worker also starts with the next paper.
      call('desk:active', {}).catch(() => undefined);
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    window.addEventListener('keydown', seen, options);
    window.addEventListener('pointerdown', seen, options);
    return () => {
      window.removeEventListener('keydown', seen, options);
      window.removeEventListener('pointerdown', seen, options);
    };
  }, []);
}
