/** The Excel import wizard and export buttons. */
export const importer = {};
