import { localDay, localMoment } from '../../../../shared/domain/dates';
import type { BackupInfo } from '../../../../shared/schemas/backup';

const DAY = 24 * 60 * 60 * 1000;
/** Backups taken before a migration are kept this long whatever else the rules say. */
const SPECIAL_KEEP_DAYS = 90;
/** Kept whatever the dates say: a wrong clock can make any date look old. */
const KEEP_NEWEST = 3;
/** A clock this far past every backup there is has jumped (or the desk stood still): no dates are trusted for deleting. */
const CLOCK_JUMP_DAYS = 40;
/** Manual backups of one day beyond these are pruned like older ones: a button pressed all day must not fill the disk. */
const MANUAL_PER_DAY = 5;
/**
 * The most the kept backups may take together. Compressed, the bench's ten years (1.3 GB) make
 * backups of a few hundred MB, so the dated rules' forty-odd files fit; uncompressed copies
 * from older builds would not, and the oldest go first.
 */
export const MAX_BACKUP_BYTES = 16 * 2 ** 30;

/**
 * The backups a careful user keeps: the newest three whatever the clock says; all of today's
 * (only the newest five made by hand); the newest of each of the last 30 days, of each of the
 * last 12 months; pre-migration ones for 90 days; the safety backups taken before a restore until
 * a person deletes them (they hold what the restore undid). Nothing at all is deleted when the
 * clock is far past every backup, and a backup dated after "now" (a clock set back) is kept.
 * Answers the file names to delete; never the one just made.
 */
export function expiredBackups(backups: BackupInfo[], now: Date, justMade: string | null, maxBytes = MAX_BACKUP_BYTES): string[] {
  const byRules = expiredByDate(backups, now, justMade);
  return [...byRules, ...overSize(backups.filter((b) => !byRules.includes(b.file)), justMade, maxBytes)];
}

/**
 * The bound on total size: beyond it the oldest backups go, whatever the dated rules kept, except
 * the newest (the one a restore would want, and never deleted by any rule), the one just made,
 * and the safety backups taken before a restore (they hold what the restore undid).
 */
function overSize(backups: BackupInfo[], justMade: string | null, maxBytes: number): string[] {
  const newestFirst = [...backups].sort((x, y) => y.createdAt - x.createdAt);
  let total = newestFirst.reduce((sum, b) => sum + b.size, 0);
  const dropped: string[] = [];
  for (const b of [...newestFirst].reverse()) {
    if (total <= maxBytes) break;
    if (b === newestFirst[0] || b.file === justMade || b.reason === 'beforeRestore') continue;
    dropped.push(b.file);
    total -= b.size;
  }
  return dropped;
}

function expiredByDate(backups: BackupInfo[], now: Date, justMade: string | null): string[] {
  const newestFirst = [...backups].sort((x, y) => y.createdAt - x.createdAt);
  const earlier = newestFirst.filter((b) => b.file !== justMade);
  if (earlier.length > 0 && now.getTime() - earlier[0]!.createdAt > CLOCK_JUMP_DAYS * DAY) return [];
  const today = localDay(now);
  const dayStart = localMoment(today);
  const dailyFrom = dayStart - 30 * DAY;
  const monthlyFrom = new Date(now.getFullYear(), now.getMonth() - 12, now.getDate()).getTime();
  const kept = new Set(newestFirst.slice(0, KEEP_NEWEST).map((b) => b.file));
  const newestOf = new Map<string, string>();
  for (const b of newestFirst) {
    const d = new Date(b.createdAt);
    const key = b.createdAt >= dailyFrom ? `d${localDay(d)}` : b.createdAt >= monthlyFrom ? `m${d.getFullYear()}-${d.getMonth()}` : null;
    if (key && !newestOf.has(key)) newestOf.set(key, b.file);
  }
  for (const file of newestOf.values()) kept.add(file);
  const manualToday = newestFirst.filter((b) => b.reason === 'manual' && localDay(new Date(b.createdAt)) === today);
  for (const b of newestFirst) {
    if (localDay(new Date(b.createdAt)) === today && (b.reason !== 'manual' || manualToday.indexOf(b) < MANUAL_PER_DAY)) kept.add(b.file);
  }
  return backups
    .filter((b) => {
      if (b.file === justMade || kept.has(b.file)) return false;
      if (b.createdAt > now.getTime()) return false;
      if (b.reason === 'beforeRestore') return false;
      if (b.reason === 'beforeMigration' && now.getTime() - b.createdAt < SPECIAL_KEEP_DAYS * DAY) return false;
      return true;
    })
    .map((b) => b.file);
}
