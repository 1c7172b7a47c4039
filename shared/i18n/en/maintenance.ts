import type { CatalogShape } from '../shape';
import type { maintenance as zh } from '../zh-CN/maintenance';

export const maintenance: CatalogShape<typeof zh> = {
  nav: 'Maintenance',
  contract: {
    kind: { warranty: 'In-warranty maintenance', paid: 'Paid maintenance' },
    status: { active: 'In force', ending: 'Ending soon', ended: 'Ended', cancelled: 'Cancelled' },
  },
  visit: {
    kind: { callback: 'Callback', inspection: 'Inspection', maintenance: 'Maintenance' },
    status: { due: 'Due', done: 'Done', missed: 'Missed', cancelled: 'Cancelled' },
  },
  plan: {
    repeat: { quarter: 'Every quarter (15 Mar, Jun, Sep, Dec)', months: 'Every {{n}} months', days: 'Every {{n}} days', after: 'Months {{offsets}} after acceptance' },
    preset: {
      standard: 'Monthly callback, quarterly inspection, yearly maintenance',
      phased: 'Monthly for three months, then quarterly; half-yearly maintenance',
      elevator: 'Elevators: maintenance every 15 days',
    },
    handover: { project: 'Project: at 3 months, twice more in year one, three times in year two', household: 'Household: twice a year in warranty' },
  },
  errors: {
    contractMissing: 'Maintenance contract not found (no. {{id}})',
    visitMissing: 'Visit not found (no. {{id}})',
    noUnits: 'Choose at least one unit',
    unitMissing: 'Some of the chosen units no longer exist: choose again',
    unitNotCustomers: 'Unit {{serial}} does not belong to this customer',
    overlap: 'Unit {{serial}} is already under contract {{number}} for some of these days',
    endsBeforeStart: 'The end date cannot be before the start date',
    lineEndsBeforeStart: "This line's end date cannot be before its start date",
    lineOutsideContract: 'The plan must lie within the contract ({{start}} to {{end}})',
    step: 'The interval must be a whole number from 1 to 366',
    noOffsets: 'Enter the months after acceptance for the callbacks',
    contractCancelled: 'Contract {{number}} is cancelled and can no longer be changed',
    visitClosed: 'Visit {{number}} is closed and can no longer be changed',
    moveToPast: 'A visit cannot be moved before today',
    restDay: 'That day is a rest day: choose a working day',
    outsideContract: 'It must lie within the contract ({{start}} to {{end}})',
    technicianMissing: 'Technician not found',
    technicianInactive: 'This technician is no longer active',
    reasonRequired: 'Give the reason',
  },
};
