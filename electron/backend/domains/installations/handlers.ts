import type { DomainHandlers } from '../../app/handler-types';
import { cardsNotIssued, issueCard, scanSlip, slipBack, slipsNotBack, unitCards } from './cards';
import { acceptInstallation, cancelInstallation, createInstallation, getInstallation, listInstallations, noticesDue, recordNotice, recordTrial, updateInstallation } from './installations';
import { createAcceptanceCertificate } from './papers';

/** Installation jobs to acceptance, their certificate, and the warranty card's life. */
export const installationHandlers = {
  'installations:list': listInstallations,
  'installations:get': (ctx, input) => getInstallation(ctx, input.id),
  'installations:create': createInstallation,
  'installations:update': updateInstallation,
  'installations:notice': recordNotice,
  'installations:trial': recordTrial,
  'installations:accept': acceptInstallation,
  'installations:cancel': (ctx, input) => cancelInstallation(ctx, input.id),
  'installations:desk': async (ctx) => {
    const [notices, notIssued, notBack] = await Promise.all([noticesDue(ctx), cardsNotIssued(ctx), slipsNotBack(ctx)]);
    return { noticesDue: notices, cardsNotIssued: notIssued, slipsNotBack: notBack };
  },
  'documents:acceptanceCertificate': createAcceptanceCertificate,
  'cards:ofUnit': (ctx, input) => unitCards(ctx, input.unitId),
  'cards:issue': issueCard,
  'cards:slipBack': slipBack,
  'cards:scanSlip': scanSlip,
} satisfies DomainHandlers;
