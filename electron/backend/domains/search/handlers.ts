import type { DomainHandlers } from '../../app/handler-types';
import { lookup } from './lookup';

export const searchHandlers = {
  'search:query': lookup,
} satisfies DomainHandlers;
