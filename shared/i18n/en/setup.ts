/** The first start: from install to a printed card. Preset policy names are stored in the language chosen. */
export const setup = {
  title: 'Welcome: the desk ready in a few minutes',
  intro: 'Fill in the company, choose warranty policies and where backups go, and you can take repair calls and print warranty cards. Everything can be changed later in Settings.',
  steps: {
    company: 'Company',
    logo: 'Logo',
    policies: 'Warranty policies',
    backups: 'Backups',
    pin: 'Admin PIN',
    done: 'Done',
  },
  company: {
    hint: 'The company name and service hotline head every document; the complaint line is printed on warranty cards and receipts.',
  },
  logo: {
    hint: 'You can skip this: without a logo the papers print the company name alone.',
  },
  policies: {
    hint: 'Tick the trades your company serves and the desk sets up warranty policies as the trade does them (terms per component, start date). Edit them or add others later under Products.',
    basis: 'Runs from: {{basis}}',
    exists: 'A policy of this name exists',
    none: 'Ticking none is fine too: add policies later under Products.',
    added: '{{count}} warranty policies set up',
  },
  backups: {
    hint: 'Your data lives on this PC only. Keep backups on a USB stick or another disk: if the PC fails, the data survives.',
    current: 'Backups go to: {{folder}}',
    besideData: 'the backups folder beside the data file (default)',
    choose: 'Choose backup folder…',
  },
  pin: {
    hint: 'The admin PIN guards deleting, restoring backups and changing settings. You can skip this and set it later under Settings → PIN and operators.',
    set: 'The admin PIN is set.',
  },
  done: {
    title: 'All set',
    hint: 'Next: when a customer calls, press Ctrl+K and type the phone; a new caller is added with Enter and goes straight to the repair. Add a unit on the customer page to print its warranty card.',
    start: 'Start',
  },
  back: 'Back',
  next: 'Next',
  skipAll: 'Skip: fill it in later in Settings',
  skip: 'Skip',
  presets: {
    householdAircon: { name: 'Household air conditioners', note: 'From purchase: whole unit 1 year, compressor and other main parts 3 years, remote and cables 6 months' },
    commercialAircon: { name: 'Commercial / central air conditioning (installed)', note: 'From acceptance: whole system 2 years, main parts 3 years, accessories 1 year' },
    projector: { name: 'Projectors', note: 'From purchase: whole unit 1 year, cables, remote, presenter and other accessories 6 months' },
    elevator: { name: 'Elevators (installed)', note: 'From acceptance: whole installation 2 years' },
    security: { name: 'Security and CCTV systems (installed)', note: 'From acceptance: system 2 years, cables, power supplies and other accessories 1 year' },
    network: { name: 'Network and computer equipment', note: 'From purchase: whole unit 1 year, board, CPU, memory, disks and power supply 3 years, casing, switches and cables 6 months' },
  },
  components: {
    whole: 'Whole unit',
    mainParts: 'Main parts',
    accessories: 'Accessories (cables, remote…)',
    casing: 'Casing, switches, cables',
  },
};
