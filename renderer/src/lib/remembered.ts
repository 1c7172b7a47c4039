import { useCallback, useState } from 'react';

/**
 * Back from a record, the clerk finds a list as they left it: filters, sort and page live for
 * the session, not in the component.
 */
const memory = new Map<string, unknown>();
export function useRemembered<T>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
