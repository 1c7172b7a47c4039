import type { DomainHandlers } from '../../app/handler-types';
import { loadSample } from './load';
import { removeSample } from './remove';
import { sampleStatus } from './status';

/** Sample data to practise on, loaded and removed in one step each. */
export const sampleHandlers = {
  'sample:status': sampleStatus,
  'sample:load': loadSample,
  'sample:remove': removeSample,
} satisfies DomainHandlers;
