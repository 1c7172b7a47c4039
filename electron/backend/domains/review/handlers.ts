import type { DomainHandlers } from '../../app/handler-types';
import { approveTicket, configureReview, reviewSettings, waitingForApproval } from './approval';
import { exportSatisfaction } from './export';
import { answeredCallbacks, satisfactionReport } from './satisfaction';
import { listQuestions, saveQuestions } from './survey';

/** The supervisor's check and the callback survey. */
export const reviewHandlers = {
  'review:settings': (ctx) => reviewSettings(ctx),
  'review:configure': configureReview,
  'review:approve': approveTicket,
  'review:waiting': (ctx) => waitingForApproval(ctx),
  'survey:questions': (ctx, input) => listQuestions(ctx, input),
  'survey:save': saveQuestions,
  'survey:satisfaction': satisfactionReport,
  'survey:answers': answeredCallbacks,
  'survey:export': exportSatisfaction,
} satisfies DomainHandlers;
