/** Escapes LIKE wildcards so a typed "%" or "_" matches itself (used with `escape '\'`). */
export function likeContains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
