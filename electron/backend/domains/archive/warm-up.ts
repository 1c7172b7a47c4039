import { todayIso } from '../../../../shared/domain/dates';
import type { ServiceContext } from '../../app/context';
import type { DocumentJob } from '../../documents/jobs';
import { getSettings } from '../admin/settings';
import { paperSource } from '../tickets/papers';
import { warrantyCardSource } from './archive';
import { ARCHIVE_KINDS } from './files';

/**
 * The desk's own papers, drawn once in the background at start and thrown away: the newest
 * unit's warranty card and the newest ticket's dispatch order and repair receipts, in the
 * desk's language on the paper each kind prints on. Nothing is numbered or archived; the
 * number printed is a blank one. The first real paper then finds the layout code compiled and
 * the desk's words and glyphs ready. A desk without its company set up, a unit or a ticket
 * warms up on what it has.
 */
export async function warmUpDeskPapers(ctx: ServiceContext, warm: (job: DocumentJob) => void): Promise<void> {
  const stored = await getSettings(ctx);
  if (!stored.companyName || !stored.hotline) return;
  const language = stored.language;
  const issuedOn = todayIso(ctx.now());
  const number = (kind: keyof typeof ARCHIVE_KINDS) => `${ARCHIVE_KINDS[kind].prefix}-${issuedOn.slice(0, 4)}-000000`;
  const unitRow = await ctx.db.selectFrom('units').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (unitRow) {
    const data = { ...(await warrantyCardSource(ctx, unitRow.id)), number: number('warrantyCard'), issuedOn };
    warm({ kind: 'warrantyCard', data, language, paper: stored.printing.warrantyCard.paper });
  }
  const ticketRow = await ctx.db.selectFrom('tickets').select('id').where('status', '!=', 'cancelled').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (ticketRow) {
    const source = await paperSource(ctx, ticketRow.id);
    const paper = (kind: 'dispatchOrder' | 'repairIntake' | 'repairCompletion') => ({ ...source, number: number(kind), issuedOn });
    warm({ kind: 'dispatchOrder', data: paper('dispatchOrder'), language, paper: stored.printing.dispatchOrder.paper });
    warm({ kind: 'repairReceipt', copy: 'intake', data: paper('repairIntake'), language, paper: stored.printing.repairIntake.paper });
    warm({ kind: 'repairReceipt', copy: 'completion', data: paper('repairCompletion'), language, paper: stored.printing.repairCompletion.paper });
  }
}
