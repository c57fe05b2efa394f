// Checks a FOCUS dataset against the column rules kept as data in
// src/export/focus/columns-1.2.json (transcribed from the FOCUS 1.2 specification, tag v1.2),
// and reads CSV strictly by RFC 4180.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Clause { column: string; in?: string[]; notIn?: string[]; null?: boolean }
export interface ColumnRule {
  name: string;
  featureLevel: 'Mandatory' | 'Conditional' | 'Recommended' | 'Optional';
  columnType: string;
  dataType: 'String' | 'Decimal' | 'DateTime' | 'JSON';
  allowsNulls: boolean;
  valueFormat?: string;
  allowedValues?: string[];
  parentValues?: { column: string; of: Record<string, string> };
  nullWhen?: Clause[][];
  notNullWhen?: Clause[][];
  valueNotWhen?: Array<{ value: string; when: Clause[] }>;
  source: string;
}
export interface FocusRules { tag: string; commit: string; customColumns: { prefix: string }; columns: ColumnRule[] }

export const RULES = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'export', 'focus', 'columns-1.2.json'), 'utf8')) as FocusRules;

type Row = Record<string, string | null>;

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with "" for a quote. Throws on anything else. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        for (i++; ; i++) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"' && text[i + 1] === '"') (field += '"'), i++;
          else if (text[i] === '"') break;
          else field += text[i];
        }
        i++;
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at offset ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') { i++; continue; }
      if (text.startsWith('\r\n', i)) { i += 2; break; }
      if (i >= text.length) break;
      throw new Error(`expected a comma or CRLF at offset ${i}`);
    }
    if (records.length && record.length !== records[0]!.length) throw new Error(`record ${records.length + 1} has ${record.length} fields, the header ${records[0]!.length}`);
    records.push(record);
  }
  return records;
}

/** CSV text → header and rows; an empty cell is null. */
export function csvDataset(text: string): { columns: string[]; rows: Row[] } {
  const [columns, ...records] = parseCsv(text);
  return { columns: columns!, rows: records.map((r) => Object.fromEntries(columns!.map((c, i) => [c, r[i] === '' ? null : r[i]!]))) };
}

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?(E-?\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function typeProblem(rule: ColumnRule, v: string): string | null {
  if (rule.dataType === 'Decimal') return DECIMAL.test(v) ? null : `not a Decimal in NumericFormat: ${v}`;
  if (rule.dataType === 'DateTime') return DATETIME.test(v) && new Date(v).toISOString().replace('.000Z', 'Z') === v ? null : `not a UTC date/time YYYY-MM-DDTHH:mm:ssZ: ${v}`;
  if (rule.dataType === 'JSON') {
    try {
      const o = JSON.parse(v) as unknown;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) return `not a JSON object: ${v}`;
      return Object.values(o).every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)) ? null : `a value is an object or array: ${v}`;
    } catch {
      return `not JSON: ${v}`;
    }
  }
  if (rule.valueFormat === 'Currency Format' && !/^[A-Z]{3}$/.test(v)) return `not an ISO 4217 code: ${v}`;
  return null;
}

const holds = (row: Row, clauses: Clause[]) => clauses.every((c) => {
  const v = row[c.column] ?? null;
  if (c.null !== undefined) return (v === null) === c.null;
  if (c.in) return v !== null && c.in.includes(v);
  return v === null || !c.notIn!.includes(v);
});

/** Every way the dataset breaks the rules: missing Mandatory columns, unknown columns, and per row and column type, nulls and values. */
export function checkFocus(columns: readonly string[], rows: readonly Row[], rules: FocusRules = RULES): string[] {
  const problems: string[] = [];
  const byName = new Map(rules.columns.map((c) => [c.name, c]));
  for (const c of rules.columns) if (c.featureLevel === 'Mandatory' && !columns.includes(c.name)) problems.push(`missing Mandatory column ${c.name} (${c.source})`);
  const firstCustom = columns.findIndex((c) => c.startsWith(rules.customColumns.prefix));
  columns.forEach((c, i) => {
    if (!byName.has(c) && !c.startsWith(rules.customColumns.prefix)) problems.push(`column ${c} is neither FOCUS 1.2 nor prefixed ${rules.customColumns.prefix}`);
    if (byName.has(c) && firstCustom !== -1 && i > firstCustom) problems.push(`FOCUS column ${c} after a custom column`);
  });
  rows.forEach((row, n) => {
    const at = (c: string, m: string) => problems.push(`row ${n + 1} ${c}: ${m}`);
    for (const c of columns) {
      const rule = byName.get(c);
      if (!rule) continue;
      const v = row[c] ?? null;
      if (v === null) {
        if (!rule.allowsNulls) at(c, 'null, and the column allows no nulls');
        if (rule.notNullWhen?.some((w) => holds(row, w))) at(c, `null, and must not be when ${JSON.stringify(rule.notNullWhen)}`);
        continue;
      }
      if (rule.nullWhen?.some((w) => holds(row, w))) at(c, `${v}, and must be null when ${JSON.stringify(rule.nullWhen)}`);
      const t = typeProblem(rule, v);
      if (t) at(c, t);
      if (rule.allowedValues && !rule.allowedValues.includes(v)) at(c, `${v} is not an allowed value`);
      if (rule.parentValues && rule.parentValues.of[v] !== undefined && row[rule.parentValues.column] !== rule.parentValues.of[v]) at(c, `${v} belongs to ${rule.parentValues.column} ${rule.parentValues.of[v]}`);
      for (const x of rule.valueNotWhen ?? []) if (v === x.value && holds(row, x.when)) at(c, `${v} is not allowed when ${JSON.stringify(x.when)}`);
    }
  });
  return problems;
}
