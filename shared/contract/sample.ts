import { sampleLoadInput, type SampleRemoval, type SampleStatus } from '../schemas/sample';
import { none, read, returns, write, type QueryDomain } from './channel';

/** Sample records touch every list the desk shows. */
const EVERYTHING: QueryDomain[] = ['sample', 'customers', 'units', 'models', 'policies', 'tickets', 'callbacks', 'desk', 'technicians', 'parts', 'complaints', 'search', 'documents', 'audit', 'settings'];

export const sampleChannels = {
  'sample:status': read(none, returns<SampleStatus>()),
  // Adds warranty policies, as the presets do; removing deletes records: both the admin's to decide.
  'sample:load': write(sampleLoadInput, returns<SampleStatus>(), { refreshes: EVERYTHING, admin: true }),
  'sample:remove': write(none, returns<SampleRemoval>(), { refreshes: [...EVERYTHING, 'backups'], admin: true }),
};
