import type { DomainHandlers } from '../../app/handler-types';
import { createFee, listFees, updateFee } from './fees';
import { createLoaner, issueLoan, listLoaners, listLoans, returnLoan, updateLoaner } from './loaners';
import { adjustStock, createPart, listParts, monthlyReplaced, partMoves, receiveStock, updatePart } from './parts';
import { createTechnician, listTechnicians, technicianDay, updateTechnician } from './technicians';

/** Technicians, spare parts and stock, loaners, the labour fee table. */
export const stockHandlers = {
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
} satisfies DomainHandlers;
