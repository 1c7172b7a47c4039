/** Spare parts, their moves, loaners and labour fees. */
export { PartsPage } from './PartsPage';
