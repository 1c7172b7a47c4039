/** The desk board, the home screen. */
export { DeskPage } from './DeskPage';
