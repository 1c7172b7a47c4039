import type { HandlersFor } from './api';
import { calendarView, resetCalendarYear, saveCalendarYear } from './services/calendar';
import { closeComplaint, createComplaint, getComplaint, listComplaints, updateComplaint } from './services/complaints';
import { createServiceLevel, listServiceLevels, updateServiceLevel } from './services/service-levels';

/** Service levels, the working calendar, complaints. */
export const serviceHandlers: HandlersFor<'serviceLevels:list' | 'serviceLevels:create' | 'serviceLevels:update' | 'calendar:get' | 'calendar:saveYear' | 'calendar:resetYear' | 'complaints:create' | 'complaints:update' | 'complaints:get' | 'complaints:list' | 'complaints:close'> = {
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
};
