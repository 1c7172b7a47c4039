import {
  reviewApproveInput,
  reviewConfigureInput,
  satisfactionExportInput,
  satisfactionInput,
  surveyAnswersInput,
  surveyQuestionsInput,
  surveySaveInput,
  type AnsweredCallback,
  type ReviewConfigured,
  type ReviewSettings,
  type ReviewWaitingRow,
  type SatisfactionReport,
  type SurveyQuestion,
} from '../schemas/review';
import type { TicketDetail } from '../schemas/ticket';
import { none, read, returns, write, type QueryDomain } from './channel';
import { TICKET_VIEWS } from './tickets';

/** Switching the check releases waiting tickets into the callbacks due. */
const CHECK_VIEWS: QueryDomain[] = ['review', 'tickets', 'desk', 'callbacks'];

/** The supervisor's check before the callback, and the callback survey with its satisfaction figures. */
export const reviewChannels = {
  'review:settings': read(none, returns<ReviewSettings>()),
  // The supervisor's own control: a clerk does not switch it off (the admin PIN, as for the desk's rules).
  'review:configure': write(reviewConfigureInput, returns<ReviewConfigured>(), { refreshes: CHECK_VIEWS, admin: true }),
  'review:approve': write(reviewApproveInput, returns<TicketDetail>(), { refreshes: [...TICKET_VIEWS, 'review', 'survey'] }),
  'review:waiting': read(none, returns<ReviewWaitingRow[]>()),
  'survey:questions': read(surveyQuestionsInput, returns<SurveyQuestion[]>()),
  'survey:save': write(surveySaveInput, returns<SurveyQuestion[]>(), { refreshes: ['survey', 'tickets'] }),
  /** Satisfaction per technician and per question over a period: the owner's reports read it too. */
  'survey:satisfaction': read(satisfactionInput, returns<SatisfactionReport>()),
  'survey:answers': read(surveyAnswersInput, returns<AnsweredCallback[]>()),
  'survey:export': write(satisfactionExportInput, returns<{ savedTo: string | null; rows: number }>(), { refreshes: [] }),
};
