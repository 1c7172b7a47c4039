import type { HandlersFor } from './api';
import { auditFacets, getAudit, listAudit } from './services/audit';
import { beginSession, listOperators, lock, sessionInfo, setPin, unlock, updateOperator } from './services/session';

/** Who is at the desk, the admin PIN, and the read-only audit log (no channel edits it). */
export const securityHandlers: HandlersFor<
  | 'session:get'
  | 'session:begin'
  | 'session:unlock'
  | 'session:lock'
  | 'session:setPin'
  | 'operators:list'
  | 'operators:update'
  | 'audit:list'
  | 'audit:get'
  | 'audit:facets'
> = {
  'session:get': (ctx) => sessionInfo(ctx),
  'session:begin': beginSession,
  'session:unlock': unlock,
  'session:lock': (ctx) => lock(ctx),
  'session:setPin': setPin,
  'operators:list': (ctx) => listOperators(ctx),
  'operators:update': updateOperator,
  'audit:list': listAudit,
  'audit:get': getAudit,
  'audit:facets': (ctx) => auditFacets(ctx),
};
