import type { ServiceLevelTerms } from '../../../../shared/domain/sla';
import type { VisitKind } from '../../../../shared/domain/visit-plan';
import type { ChecklistItem } from '../../../../shared/domain/checklist';
import type { CoverageState } from '../../../../shared/domain/warranty-engine';
import type { ManualBody, ManualSource, UnitSetValue } from '../../../../shared/schemas/manual';
import type { Settings } from '../../../../shared/schemas/settings';

/** One unit of the site, as its manual prints it. */
export interface ManualUnit {
  modelId: number;
  brand: string;
  model: string;
  category: string;
  serial: string;
  locationNote: string | null;
  installDate: string | null;
  acceptanceDate: string | null;
  values: UnitSetValue[];
  /** Each component's cover: its name (and English name), months, last covered day, state today. */
  warranty: { name: string; nameEn: string | null; months: number; end: string | null; state: CoverageState }[];
  /** The unit's maintenance contract and what its visits check; null when it has none. */
  schedule: {
    contractNumber: string;
    startsOn: string;
    endsOn: string;
    visits: { kind: VisitKind; dueOn: string }[];
    checklist: string | null;
    items: ChecklistItem[];
  } | null;
}

/** One model's chapters and where they came from. */
export interface ManualModel {
  modelId: number;
  label: string;
  source: ManualSource;
  version: number | null;
  /** Pictures as `manual-image:<id>` in the snapshot, as `data:` URLs once handed to the paper. */
  body: ManualBody | null;
}

/** What a manual is printed from: the snapshot kept with the issued manual, plus its number and day. */
export interface ManualData {
  number: string;
  issuedOn: string;
  settings: Settings;
  customer: { name: string; phone: string | null; address: string | null };
  installation: { number: string; siteAddress: string | null; appointmentOn: string; acceptedOn: string | null };
  units: ManualUnit[];
  models: ManualModel[];
  parts: { partNumber: string; name: string; fits: string }[];
  serviceLevel: ServiceLevelTerms | null;
}

export type ManualSnapshot = Omit<ManualData, 'number' | 'issuedOn'>;
