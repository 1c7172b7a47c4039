/** Sample data to practise on: the settings tab, the setup's offer and the reminder on every page. */
export { LoadSampleButton, SamplePanel } from './SamplePanel';
export { SampleBanner } from './SampleBanner';
