/** Repair tickets; the desk, customers and units show lists of them and start new ones. */
export { StatusBadge } from './badges';
export { FindCustomerButton } from './list-new-repair';
export { NewRepairButton, RelatedTickets } from './list-related';
export { openTicket, TicketTable, type TicketColumn } from './list-table';
export { NewTicketModal } from './NewTicketModal';
export { eventDetail, eventText } from './ticket-timeline';
export { TicketPage } from './TicketPage';
export { TicketsPage } from './TicketsPage';
export { tidyOnBlur } from './ticket-assignment';
export { questionText, SurveyAnswers } from './callback-survey';
