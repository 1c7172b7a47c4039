export { startLogCall, type CallPrefill } from './callBus';
export { CallWeekPage } from './CallWeekPage';
export { LogCallModal } from './LogCallModal';
export { PhoneSolveForm } from './PhoneSolveForm';
export { TodaysCalls } from './TodaysCalls';
