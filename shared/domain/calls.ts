/** What a caller wanted (来电目的). */
export const CALL_PURPOSES = ['repair', 'consultation', 'complaint', 'other'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

/** How the call ended. */
export const CALL_OUTCOMES = ['solvedByPhone', 'ticketOpened', 'complaintRecorded', 'callBack', 'other'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Seed 004: 电话在线解决率达到80%以上. */
export const DEFAULT_PHONE_TARGET_PCT = 80;

/** The ticket statuses from which a repair can still end on the phone: nobody has been sent yet. */
export const PHONE_SOLVABLE_STATUSES = ['new', 'answered', 'scheduled'] as const;
