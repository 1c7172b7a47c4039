import type { DomainHandlers } from '../../app/handler-types';
import { checkClaim, claimCandidates, createClaim, getClaim, listClaims, receiveClaim, sendClaim, settleOldPart } from './claims';
import { settleDesk } from './desk';
import { answerFeedback, createFeedback, listFeedback } from './feedback';
import { createMaker, discontinueModel, listMakers, listSettleModels, setModelMaker, updateMaker } from './makers';
import { exportMakerReturns } from './maker-returns-export';
import { listMakerReturns, makerReturnsPack, markReturnsSent } from './maker-returns';
import { claimFormPaper, feeListPaper, feedbackFormPaper, makerReturnsPaper, scrapRecordPaper, settlementFormPaper } from './papers';
import { exchange, getSettlement, previewSettlement, refund, settlementForTicket } from './returns';
import { createScrapRecord, listScrapRecords, unitLoansOut } from './scrapping';
import { getSettleSettings, setSettleSettings } from './settings';
import { setSpareShare, spareLevels } from './spares';

/** Settling with the maker and with the customer. */
export const settleHandlers = {
  'makers:list': listMakers,
  'makers:create': createMaker,
  'makers:update': updateMaker,
  'makers:models': (ctx) => listSettleModels(ctx),
  'makers:setModelMaker': setModelMaker,
  'makers:discontinueModel': discontinueModel,
  'claims:candidates': (ctx, input) => claimCandidates(ctx, input),
  'claims:list': listClaims,
  'claims:get': (ctx, input) => getClaim(ctx, input.id),
  'claims:create': createClaim,
  'claims:send': sendClaim,
  'claims:check': checkClaim,
  'claims:receive': receiveClaim,
  'claims:oldPart': settleOldPart,
  'feedback:list': listFeedback,
  'feedback:create': createFeedback,
  'feedback:answer': answerFeedback,
  'settlements:preview': previewSettlement,
  'settlements:get': (ctx, input) => getSettlement(ctx, input.id),
  'settlements:forTicket': (ctx, input) => settlementForTicket(ctx, input.id),
  'settlements:refund': refund,
  'settlements:exchange': exchange,
  'scrapping:list': (ctx) => listScrapRecords(ctx),
  'scrapping:create': createScrapRecord,
  'scrapping:loansOut': (ctx, input) => unitLoansOut(ctx.db, input.unitId),
  'spares:levels': (ctx) => spareLevels(ctx),
  'spares:setShare': setSpareShare,
  'settle:desk': (ctx) => settleDesk(ctx),
  'settle:settings': (ctx) => getSettleSettings(ctx),
  'settle:setSettings': setSettleSettings,
  'documents:settlementForm': settlementFormPaper,
  'documents:scrapRecord': scrapRecordPaper,
  'documents:feedbackForm': feedbackFormPaper,
  'documents:claimForm': claimFormPaper,
  'documents:feeList': feeListPaper,
  'makerReturns:list': listMakerReturns,
  'makerReturns:pack': (ctx, input) => makerReturnsPack(ctx, input),
  'makerReturns:export': exportMakerReturns,
  'makerReturns:markSent': markReturnsSent,
  'documents:makerReturns': makerReturnsPaper,
} satisfies DomainHandlers;
