import type { CatalogShape } from '../shape';
import type { warranty as zh } from '../zh-CN/warranty';

export const warranty: CatalogShape<typeof zh> = {
  start: {
    fromAcceptance: 'Counted from acceptance sign-off ({{date}})',
    fromInstall: 'Counted from installation ({{date}})',
    fromPurchase: 'Counted from the purchase (invoice) date ({{date}})',
    fromProduction: 'Counted from the production date ({{date}})',
    noAcceptanceDate: 'No acceptance date recorded',
    noInstallDate: 'No installation date recorded',
    noPurchaseDate: 'No purchase date recorded',
    noInvoice: 'No purchase invoice: counted from the production date ({{date}})',
    purchaseUnproven: 'No purchase invoice and no production date: counted for now from the recorded purchase date ({{date}}). Ask the customer for the invoice',
    unknown: 'No acceptance, installation, purchase or production date is recorded, so the warranty cannot be worked out. Enter a date first',
  },
  policy: {
    empty: 'The warranty policy has no terms, so the warranty cannot be worked out',
  },
  component: {
    term_one: '{{name}}: {{count}} month from {{start}} (that day not counted), ending {{end}}',
    term_other: '{{name}}: {{count}} months from {{start}} (that day not counted), ending {{end}}',
    extended_one: 'Extended by {{days}} days for {{count}} failure that stopped work and was not fixed promptly, to {{end}}',
    extended_other: 'Extended by {{days}} days for {{count}} failures that stopped work and were not fixed promptly, to {{end}}',
  },
  term: {
    holiday: 'The last day, {{date}}, falls in the {{holiday}} holiday: moved to the next working day, {{end}} (working calendar)',
    weekend: 'The last day, {{date}}, is a weekend: moved to the next working day, {{end}} (working calendar)',
    holidayOnly: 'The last day, {{date}}, falls in the {{holiday}} holiday: moved to the day after it, {{end}} (public holidays only)',
    provisional: 'Provisional: the {{year}} holidays are counted from the law until the schedule is published',
    holidayYearMissing: 'The holiday calendar has no schedule for {{year}}: not checked whether the last day falls on a public holiday',
    holidayYearCounted: 'The holiday calendar has no schedule for {{year}}: the last day was checked against the statutory holidays only (no swapped working days). Enter the published schedule',
    provisionalMark: 'provisional',
  },
  rule: {
    calendar: 'When the last day falls on a public holiday or another rest day such as a weekend (except a swapped working day), cover runs to the next working day.',
    holidays: 'When the last day falls on a public holiday, cover runs to the first day after the holiday.',
  },
  state: {
    active: 'Under warranty until {{end}} (inclusive)',
    ending_one: 'Warranty ending soon: covered until {{end}} (inclusive), {{count}} day left including today',
    ending_other: 'Warranty ending soon: covered until {{end}} (inclusive), {{count}} days left including today',
    expired: 'Out of warranty: the warranty ended on {{end}}',
    notStarted: 'The warranty has not started yet; it counts from {{start}}',
    unknown: 'No start date: cannot tell whether it is under warranty',
  },
  extension: {
    repair: 'The failure reported on {{date}} stopped work and was not fixed promptly: warranty extended by {{days}} days',
    allComponents: 'A downtime extension applies to every component still under warranty when the failure was reported',
  },
  exclusion: {
    misuse: 'Decided on {{date}}: misuse or wrong installation, not covered by the warranty',
    unauthorisedRepair: 'Decided on {{date}}: repaired by an unauthorised party or modified, not covered by the warranty',
    forceMajeure: 'Decided on {{date}}: damaged by force majeure (earthquake, fire, lightning...), not covered by the warranty',
    physicalDamage: 'Decided on {{date}}: physical damage or wrong supply voltage, not covered by the warranty',
    software: 'Decided on {{date}}: fault caused by non-standard software or a virus, not covered by the warranty',
    serialMismatch: 'Decided on {{date}}: serial number does not match the warranty card, or the card was altered; not covered by the warranty',
    clearance: 'Decided on {{date}}: clearance-sale goods carry no warranty',
    scopeUnit: 'This decision applies to the whole unit (every component)',
    scopeComponent: 'This decision applies to {{name}} only; other components are not affected',
    note: 'Note: {{note}}',
  },
  part: {
    free_one: '{{name}}: replaced free under warranty on {{date}}, with its own further {{count}} month of warranty, ending {{end}}',
    free_other: '{{name}}: replaced free under warranty on {{date}}, with its own further {{count}} months of warranty, ending {{end}}',
    paid_one: '{{name}}: replaced in a paid repair on {{date}}, covered {{count}} month, ending {{end}}',
    paid_other: '{{name}}: replaced in a paid repair on {{date}}, covered {{count}} months, ending {{end}}',
    covered: 'This part is under warranty until {{end}} (inclusive)',
    expired: "This part's warranty ended on {{end}}",
    outlives: "This part's warranty (until {{end}}) outlasts that of {{component}} (until {{componentEnd}}): the replaced part itself is still repaired free",
  },
  summary: {
    stillCovered: '{{whole}} is out of warranty, but {{name}} is still covered (until {{end}})',
    partStillCovered: '{{whole}} is out of warranty, but the {{name}} replaced on {{date}} is still covered (until {{end}})',
  },
  sanbao: {
    repeatFailure_one: 'The same fault has been repaired {{count}} time (last fixed on {{last}}) and was reported again on {{date}}: under the three guarantees (三包) the customer may have a free replacement of the same model',
    repeatFailure_other: 'The same fault has been repaired {{count}} times (last fixed on {{last}}) and was reported again on {{date}}: under the three guarantees (三包) the customer may have a free replacement of the same model',
    unrepairedOpen: 'The failure reported on {{date}} has not been fixed within {{days}} days (by {{deadline}}): under the three guarantees (三包) the customer may have a replacement of the same model',
    unrepairedLate: 'The failure reported on {{date}} was only fixed on {{completed}}, later than {{days}} days (by {{deadline}}): under the three guarantees (三包) the customer may ask for a replacement of the same model',
    refundOrExchange: 'Failure within {{days}} days of purchase ({{purchase}}, until {{deadline}}), reported on {{date}}: with the invoice and a test report the customer may choose a refund, an exchange or a repair',
    exchange: 'Failure within {{days}} days of purchase ({{purchase}}, until {{deadline}}), reported on {{date}}: with the invoice and a test report the customer may choose an exchange or a repair',
    needInvoice: 'The customer has no purchase invoice: a refund or exchange normally requires it',
  },
  ticket: {
    unregisteredUnit: 'The unit is not registered, so its warranty cannot be checked: treated as out of warranty until it is registered and the decision changed',
  },
};
