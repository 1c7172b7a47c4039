import { parseYuan, yuanText } from '../../../../shared/domain/yuan';

/** Yuan typed in a settings field to integer fen (the shared exact parser), or null when it is not an amount. */
export function yuanToFen(typed: string): number | null {
  const parsed = parseYuan(typed);
  return typed.trim() !== '' && parsed.ok ? parsed.fen : null;
}

export const fenToYuan = yuanText;
