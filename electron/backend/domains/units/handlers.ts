import type { DomainHandlers } from '../../app/handler-types';
import { addExclusion, createUnit, findUnitsBySerial, getUnit, listUnitsByCustomer, setUnitStatus, unitHistory, updateUnit } from './units';

export const unitHandlers = {
  'units:create': createUnit,
  'units:update': updateUnit,
  'units:get': (ctx, input) => getUnit(ctx, input.id),
  'units:listByCustomer': (ctx, input) => listUnitsByCustomer(ctx, input.customerId),
  'units:findBySerial': (ctx, input) => findUnitsBySerial(ctx, input.serial),
  'units:setStatus': setUnitStatus,
  'units:history': (ctx, input) => unitHistory(ctx, input.id),
  'units:addExclusion': addExclusion,
} satisfies DomainHandlers;
