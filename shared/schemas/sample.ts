import { z } from 'zod';
import { language } from './document';

export const sampleLoadInput = z.strictObject({ language });

/** How much sample data the desk holds: counts include what was added on sample customers while practising. */
export interface SampleCounts {
  customers: number;
  units: number;
  tickets: number;
}

export interface SampleStatus {
  loaded: boolean;
  counts: SampleCounts;
}

export interface SampleRemoval {
  removed: SampleCounts;
  /** Sample technicians, models, parts and policies that real records use now, and so stay. */
  kept: number;
  /** The backup made just before, from which the removal can be taken back. */
  backupFile: string;
}
