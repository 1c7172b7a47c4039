import type { DomainHandlers } from '../../app/handler-types';
import { deskBoard } from './board';
import { calendarView, resetCalendarYear, saveCalendarYear } from './calendar';
import { callbacksDue, recordCallback } from './callbacks';
import { closeComplaint, createComplaint, getComplaint, listComplaints, updateComplaint } from './complaints';
import { createServiceLevel, listServiceLevels, updateServiceLevel } from './service-levels';
import { exportServiceShares, serviceShares } from './shares';

/** Callbacks, the desk board, service levels, the working calendar, complaints. */
export const serviceDeskHandlers = {
  'callbacks:record': recordCallback,
  'callbacks:due': callbacksDue,
  'desk:board': (ctx) => deskBoard(ctx),
  'serviceLevels:list': (ctx) => listServiceLevels(ctx),
  'serviceLevels:create': createServiceLevel,
  'serviceLevels:update': updateServiceLevel,
  'calendar:get': (ctx) => calendarView(ctx),
  'calendar:saveYear': saveCalendarYear,
  'calendar:resetYear': (ctx, input) => resetCalendarYear(ctx, input.year),
  'complaints:create': createComplaint,
  'complaints:update': updateComplaint,
  'complaints:get': (ctx, input) => getComplaint(ctx, input.id),
  'complaints:list': listComplaints,
  'complaints:close': (ctx, input) => closeComplaint(ctx, input.id),
  'serviceLevels:shares': serviceShares,
  'serviceLevels:exportShares': exportServiceShares,
} satisfies DomainHandlers;
