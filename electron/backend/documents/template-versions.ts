/*
 * The version of each printed paper's layout, stored with every archived copy so that copies
 * printed before a change can be told apart. Bump one when its paper's layout or wording
 * changes. Kept apart from the layouts: the desk records the version without loading them
 * (the layouts and their libraries are the document worker's).
 */

/** acceptance/acceptance-certificate.ts */
export const ACCEPTANCE_CERTIFICATE_TEMPLATE_VERSION = 1;
/** call-summary/call-summary.ts */
export const CALL_SUMMARY_TEMPLATE_VERSION = 1;
/** ticket-papers/dispatch-order.ts */
export const DISPATCH_ORDER_TEMPLATE_VERSION = 2;
/** maintenance-papers/fault-stats.ts */
export const FAULT_STATS_TEMPLATE_VERSION = 1;
/** inspection/inspection-form.ts */
export const INSPECTION_FORM_TEMPLATE_VERSION = 1;
/** maintenance-papers/inspection-plan.ts */
export const INSPECTION_PLAN_TEMPLATE_VERSION = 1;
/** manual/manual.ts */
export const MANUAL_TEMPLATE_VERSION = 1;
/** renewal/renewal-papers.ts */
export const RENEWAL_PAPERS_TEMPLATE_VERSION = 1;
/** ticket-papers/repair-receipt.ts */
export const REPAIR_RECEIPT_TEMPLATE_VERSION = 3;
/** report-pack/report-pack.ts */
export const REPORT_PACK_TEMPLATE_VERSION = 1;
/** settle/settle-papers.ts */
export const SETTLE_PAPERS_TEMPLATE_VERSION = 1;
/** warranty-card/warranty-card.ts */
export const WARRANTY_CARD_TEMPLATE_VERSION = 4;
