import type { HandlersFor } from './api';
import { createFee, listFees, updateFee } from './services/fees';
import { createLoaner, issueLoan, listLoaners, listLoans, returnLoan, updateLoaner } from './services/loaners';
import { adjustStock, createPart, listParts, monthlyReplaced, partMoves, receiveStock, updatePart } from './services/parts';
import { createTechnician, listTechnicians, technicianDay, updateTechnician } from './services/technicians';

/** Technicians, spare parts and stock, loaners, the labour fee table. */
export const resourceHandlers: HandlersFor<
  | 'technicians:list'
  | 'technicians:create'
  | 'technicians:update'
  | 'technicians:day'
  | 'parts:list'
  | 'parts:create'
  | 'parts:update'
  | 'parts:receive'
  | 'parts:adjust'
  | 'parts:moves'
  | 'parts:monthlyReplaced'
  | 'loaners:list'
  | 'loaners:create'
  | 'loaners:update'
  | 'loans:issue'
  | 'loans:return'
  | 'loans:list'
  | 'fees:list'
  | 'fees:create'
  | 'fees:update'
> = {
  'technicians:list': listTechnicians,
  'technicians:create': createTechnician,
  'technicians:update': updateTechnician,
  'technicians:day': technicianDay,
  'parts:list': listParts,
  'parts:create': createPart,
  'parts:update': updatePart,
  'parts:receive': receiveStock,
  'parts:adjust': adjustStock,
  'parts:moves': (ctx, input) => partMoves(ctx, input.id),
  'parts:monthlyReplaced': monthlyReplaced,
  'loaners:list': (ctx) => listLoaners(ctx),
  'loaners:create': createLoaner,
  'loaners:update': updateLoaner,
  'loans:issue': issueLoan,
  'loans:return': (ctx, input) => returnLoan(ctx, input.id),
  'loans:list': listLoans,
  'fees:list': (ctx) => listFees(ctx),
  'fees:create': createFee,
  'fees:update': updateFee,
};
