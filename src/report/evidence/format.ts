import { CONTROLS, type Control, type EvidencePack } from '../../analysis/evidence/index.ts';
import { mdText } from '../../util/escape/markdown.ts';
import { tableCsv } from '../../site/csv/table.ts';
import type { CellValue } from '../../site/types.ts';
import { mdTable, textTable } from '../table.ts';
import { cellText, controlTable, type ControlTable, type EvCell } from './tables.ts';
import { EVIDENCE_FORMATS, type EvidenceFormat } from '../formats.ts';
export { EVIDENCE_FORMATS, type EvidenceFormat };

/** Where a pack was built from, for its heading. */
export interface PackOrigin {
  head: string;
  generated: string;
}

const texts = (t: ControlTable) => t.rows.map((r) => r.map(cellText));

/** A pack's cell in the CSV: a person, contract or commit with its ID beside the text (the site's cells carry the same). */
export function csvCell(c: EvCell): CellValue {
  if (typeof c === 'string') return c;
  if ('commit' in c) return { text: c.text, id: c.commit };
  if ('person' in c) return { text: c.text, id: c.person };
  if ('contract' in c) return { text: c.text, id: c.contract };
  return c.text;
}

/** A control's table as CSV, typed as every CSV of the site is (src/site/csv): the site's download of that control is the same file. */
export const controlCsv = (t: ControlTable): string => tableCsv({ id: t.control, title: t.title, columns: t.columns, rows: t.rows.map((r) => r.map(csvCell)) });

const heading = (p: EvidencePack, o: PackOrigin) => `Evidence pack ${p.period.label} (${p.period.from} to ${p.period.to}), built from commit ${o.head} on ${o.generated}`;

function markdown(p: EvidencePack, tables: ControlTable[], o: PackOrigin): string {
  return [`# ${mdText(heading(p, o))}\n`, ...tables.map((t) => `\n## ${mdText(t.title)}\n\n${mdText(t.description)}\n\n${t.rows.length ? mdTable(t.columns.map((c) => c.label), texts(t)) : `${mdText(t.empty)}\n`}\n${mdText(t.totals)}\n`)].join('');
}

function text(p: EvidencePack, tables: ControlTable[], o: PackOrigin): string {
  return [`${heading(p, o)}\n`, ...tables.map((t) => `\n${t.title}\n${t.description}\n\n${t.rows.length ? textTable(t.columns.map((c) => c.label), texts(t)) : `  ${t.empty}\n`}\n${t.totals}\n`)].join('');
}

/** A pack (all controls, or one) in one of EVIDENCE_FORMATS; CSV holds one control's table. */
export function formatEvidence(p: EvidencePack, format: EvidenceFormat, o: PackOrigin, control?: Control): string {
  const tables = (control ? [control] : CONTROLS).map((c) => controlTable(p, c));
  switch (format) {
    case 'json':
      return `${JSON.stringify({ head: o.head, generated: o.generated, ...p }, null, 2)}\n`;
    case 'csv':
      return controlCsv(tables[0]!);
    case 'md':
      return markdown(p, tables, o);
    case 'text':
      return text(p, tables, o);
  }
}
