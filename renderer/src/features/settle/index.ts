export { WarningFeedbackButton } from './FeedbackModal';
export { SettleDeskPanel } from './SettleDeskPanel';
export { SettlePage } from './SettlePage';
export { SettleTicketActions } from './SettleTicketActions';
