/**
 * How the desk names a record in the audit log: a ticket by its number and customer, a unit by
 * its model and serial, a part by its code and name. One rule per audited table, read two ways:
 * as SQL by the audit triggers (the name as it was when the row was written, kept beside the
 * row so free text finds it), and by the audit service for rows logged before names were kept.
 */

/** A column of the row itself, or (with `table`) a reference named by that table's own rule. */
export type LabelPart = { column: string; table?: string };

export interface LabelRule {
  parts: LabelPart[];
  /** Between the parts: ' · ' unless the parts read as one phrase ("格力 KFR-35GW"). */
  joiner?: string;
}

const SEPARATOR = ' · ';
const col = (column: string): LabelPart => ({ column });
const ref = (column: string, table: string): LabelPart => ({ column, table });
const named = (column = 'name'): LabelRule => ({ parts: [col(column)] });
/** A part of a larger record (a customer's phone, a ticket's event) goes by that record's name. */
const partOf = (column: string, table: string): LabelRule => ({ parts: [ref(column, table)] });

export const LABEL_RULES: Record<string, LabelRule> = {
  settings: named('key'),
  security: named('key'),
  customers: named(),
  customer_phones: partOf('customer_id', 'customers'),
  customer_addresses: partOf('customer_id', 'customers'),
  customer_contacts: partOf('customer_id', 'customers'),
  customer_tags: partOf('customer_id', 'customers'),
  warranty_policies: named(),
  warranty_policy_versions: partOf('policy_id', 'warranty_policies'),
  product_models: { parts: [col('brand'), col('model')], joiner: ' ' },
  units: { parts: [ref('model_id', 'product_models'), col('serial')] },
  unit_status_history: partOf('unit_id', 'units'),
  warranty_exclusions: partOf('unit_id', 'units'),
  documents: named('number'),
  technicians: named(),
  service_levels: named(),
  calendar_years: named('year'),
  labour_fees: named(),
  parts: { parts: [col('part_number'), col('name')] },
  tickets: { parts: [col('number'), ref('customer_id', 'customers')] },
  ticket_events: partOf('ticket_id', 'tickets'),
  ticket_technicians: partOf('ticket_id', 'tickets'),
  ticket_parts: partOf('ticket_id', 'tickets'),
  ticket_labour: partOf('ticket_id', 'tickets'),
  stock_moves: partOf('part_id', 'parts'),
  loaners: { parts: [col('name'), col('serial')] },
  loans: partOf('ticket_id', 'tickets'),
  callbacks: partOf('ticket_id', 'tickets'),
  complaints: { parts: [col('number'), ref('customer_id', 'customers')] },
  operators: named(),
  import_batches: named('file_name'),
  maintenance_contracts: { parts: [col('number'), ref('customer_id', 'customers')] },
  contract_units: partOf('contract_id', 'maintenance_contracts'),
  contract_plan_lines: partOf('contract_id', 'maintenance_contracts'),
  visits: { parts: [col('number'), ref('contract_id', 'maintenance_contracts')] },
  checklists: named(),
  checklist_versions: partOf('checklist_id', 'checklists'),
  visit_results: partOf('visit_id', 'visits'),
  renewal_declines: { parts: [ref('contract_id', 'maintenance_contracts'), ref('unit_id', 'units')] },
  review_settings: named('supervisor_check'),
  ticket_reviews: partOf('ticket_id', 'tickets'),
  survey_questions: { parts: [col('text'), col('preset')] },
  callback_answers: partOf('callback_id', 'callbacks'),
  // A call by its day and who rang: the customer on file, or the number a stranger gave.
  calls: { parts: [col('day'), ref('customer_id', 'customers'), col('caller_phone')] },
  call_settings: named('key'),
  installations: { parts: [col('number'), ref('customer_id', 'customers')] },
  installation_units: partOf('installation_id', 'installations'),
  installation_technicians: partOf('installation_id', 'installations'),
  warranty_card_life: { parts: [ref('document_id', 'documents'), ref('unit_id', 'units')] },
  // An attachment by the name it was added with; its content by its fingerprint.
  attachments: named('name'),
  attachment_files: named('hash'),
  manual_contents: { parts: [ref('model_id', 'product_models'), col('category')] },
  manual_content_versions: { parts: [ref('content_id', 'manual_contents'), col('version')] },
  manual_images: named('sha256'),
  unit_set_values: { parts: [ref('unit_id', 'units'), col('label')] },
  manual_issues: { parts: [ref('document_id', 'documents'), ref('installation_id', 'installations')] },
  // One row of rules: named by its window, enough to tell a change apart in the log.
  report_settings: named('repeat_window_days'),
  // Settling with the maker and the customer: each record by its printed number and whom it concerns.
  makers: named(),
  warranty_claims: { parts: [col('number'), ref('maker_id', 'makers')] },
  warranty_claim_lines: { parts: [ref('claim_id', 'warranty_claims'), ref('part_id', 'parts')] },
  feedback_forms: { parts: [col('number'), ref('maker_id', 'makers')] },
  sanbao_settlements: { parts: [col('number'), ref('unit_id', 'units')] },
  scrap_records: named('number'),
  settle_settings: named('key'),
  // A maker's monthly returns: by maker and month.
  maker_returns: { parts: [ref('maker_id', 'makers'), col('month')] },
};

/** The rule for a table, if it has one (a name typed into a filter is no key of Object's prototype). */
export function labelRule(table: string): LabelRule | undefined {
  return Object.hasOwn(LABEL_RULES, table) ? LABEL_RULES[table] : undefined;
}

/** The parts of a label that are present, joined; null when none is (never an empty name). */
export function joinLabel(rule: LabelRule, parts: (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null && p !== '');
  return present.length === 0 ? null : present.join(rule.joiner ?? SEPARATOR);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The rule as an SQL expression over `row` (a trigger's new or old, or an alias): references
 * are read from the referenced row as it is in the same transaction. Null for a table with no rule.
 */
export function labelSql(table: string, row: string, depth = 0): string | null {
  const rule = labelRule(table);
  if (!rule) return null;
  const parts = rule.parts.map((part) => {
    const value = `${row}.${quote(part.column)}`;
    if (!part.table) return `nullif(cast(${value} as text), '')`;
    const alias = `label_${depth}`;
    const inner = labelSql(part.table, alias, depth + 1) ?? 'null';
    return `(select ${inner} from ${quote(part.table)} ${alias} where ${alias}.id = ${value})`;
  });
  if (parts.length === 1) return parts[0]!;
  return `nullif(concat_ws(${literal(rule.joiner ?? SEPARATOR)}, ${parts.join(', ')}), '')`;
}
