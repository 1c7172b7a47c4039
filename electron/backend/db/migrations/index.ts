import type { Migration } from 'kysely';
import * as m0010 from './0010_create_settings';
import * as m0020 from './0020_create_customers';
import * as m0030 from './0030_create_product_models';
import * as m0040 from './0040_create_units';
import * as m0050 from './0050_create_documents';
import * as m0060 from './0060_create_search';
import * as m0070 from './0070_create_tickets';
import * as m0080 from './0080_create_audit';
import * as m0090 from './0090_audit_undone_by_restore';
import * as m0100 from './0100_search_folded';
import * as m0110 from './0110_ticket_event_entered_at';
import * as m0120 from './0120_create_import_batches';
import * as m0140 from './0140_audit_row_labels';
import * as m0150 from './0150_create_sample_records';
import * as m0160 from './0160_part_fitted_on_work_day';
import * as m0180 from './0180_create_maintenance';
import * as m0200 from './0200_create_checklists';
import * as m0210 from './0210_create_renewals';
import * as m0215 from './0215_units_date_indexes';
import * as m0220 from './0220_create_calls';
import * as m0230 from './0230_create_installations';
import * as m0240 from './0240_create_attachments';
import * as m0250 from './0250_review_and_survey';
import * as m0260 from './0260_complaint_reply_due';
import * as m0265 from './0265_complaint_resolve_default';
import * as m0300 from './0300_create_manuals';
import * as m0310 from './0310_create_report_settings';
import * as m0330 from './0330_audit_text_index';
import * as m0340 from './0340_create_settlement';
import * as m0350 from './0350_report_months';
import * as m0360 from './0360_audit_phrases_import_steps';
import * as m0380 from './0380_maker_returns';
import * as m0390 from './0390_sample_manual_content';
import * as m0410 from './0410_import_guard';
import * as m0420 from './0420_contract_renewals_index';
import * as m0430 from './0430_search_glance_indexes';

/**
 * Listed by hand, not scanned from disk: the bundled main process has no migrations folder.
 * Names step by 10 to leave room; never rename or reorder one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0010_create_settings': m0010,
  '0020_create_customers': m0020,
  '0030_create_product_models': m0030,
  '0040_create_units': m0040,
  '0050_create_documents': m0050,
  '0060_create_search': m0060,
  '0070_create_tickets': m0070,
  '0080_create_audit': m0080,
  '0090_audit_undone_by_restore': m0090,
  '0100_search_folded': m0100,
  '0110_ticket_event_entered_at': m0110,
  '0120_create_import_batches': m0120,
  '0140_audit_row_labels': m0140,
  '0150_create_sample_records': m0150,
  '0160_part_fitted_on_work_day': m0160,
  '0180_create_maintenance': m0180,
  '0200_create_checklists': m0200,
  '0210_create_renewals': m0210,
  '0215_units_date_indexes': m0215,
  '0220_create_calls': m0220,
  '0230_create_installations': m0230,
  '0240_create_attachments': m0240,
  '0250_review_and_survey': m0250,
  '0260_complaint_reply_due': m0260,
  '0265_complaint_resolve_default': m0265,
  '0300_create_manuals': m0300,
  '0310_create_report_settings': m0310,
  '0330_audit_text_index': m0330,
  '0340_create_settlement': m0340,
  '0350_report_months': m0350,
  '0360_audit_phrases_import_steps': m0360,
  '0380_maker_returns': m0380,
  '0390_sample_manual_content': m0390,
  '0410_import_guard': m0410,
  '0420_contract_renewals_index': m0420,
  '0430_search_glance_indexes': m0430,
};

/** The schema version this build writes: stored in PRAGMA user_version after migrating. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
