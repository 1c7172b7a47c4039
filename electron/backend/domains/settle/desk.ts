import type { SettleDesk } from '../../../../shared/schemas/settle';
import type { ServiceContext } from '../../app/context';
import { loadClaims } from './claims';
import { returnsDue } from './maker-returns';
import { overdueFeedback } from './feedback';
import { spareLevels } from './spares';

/**
 * What settling puts before the desk: claims not sent, claims waiting for the maker's check,
 * old parts still to be kept, returned or scrapped, feedback the maker has not answered in time,
 * spares below their share of the units in service, and makers' monthly returns due soon or late.
 */
export async function settleDesk(ctx: ServiceContext): Promise<SettleDesk> {
  const open = await ctx.db
    .selectFrom('warranty_claims as c')
    .select('c.id')
    .where((eb) =>
      eb.or([
        eb('c.sent_on', 'is', null),
        eb('c.checked_on', 'is', null),
        eb.exists(eb.selectFrom('warranty_claim_lines as l').select('l.id').whereRef('l.claim_id', '=', 'c.id').where('l.old_part', '=', 'pending')),
      ]),
    )
    .execute();
  const claims = await loadClaims(ctx, ctx.db, { ids: open.map((c) => c.id) });
  return {
    claimsNotSent: claims.filter((c) => c.status === 'notSent'),
    claimsWaiting: claims.filter((c) => c.status === 'waiting'),
    partsDueBack: claims.filter((c) => c.sentOn !== null).flatMap((c) => c.lines.filter((l) => l.oldPart === 'pending')),
    feedbackOverdue: await overdueFeedback(ctx),
    sparesLow: (await spareLevels(ctx)).filter((s) => s.low),
    returnsDue: await returnsDue(ctx),
  };
}
