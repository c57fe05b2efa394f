/** One parsed CSV row: its cells and the 1-based line it starts on in the file. */
export interface CsvRow {
  cells: string[];
  line: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/**
 * RFC 4180 CSV: strips a UTF-8 byte-order mark (Microsoft's report CSVs start with one),
 * accepts CRLF or LF, quoted fields with commas, doubled quotes and line breaks.
 * Blank lines are skipped. Throws CsvSyntaxError with the line of an unclosed quote.
 * `delimiter` is one character: "," by default; ";" or a tab for some spreadsheet exports.
 */
export function parseCsvRows(text: string, delimiter = ','): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let cellStarted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !cellStarted)) rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quoteLine = line;
      cellStarted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = true;
    } else if (ch === '\r' && input[i + 1] === '\n') {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(`a quoted field opened on line ${quoteLine} is never closed`, quoteLine);
  if (cell !== '' || cells.length > 0 || cellStarted) endRow();
  return rows;
}

/** Parses CSV with a header row; header names are trimmed. */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const rows = parseCsvRows(text, delimiter);
  const first = rows.shift();
  return { header: (first?.cells ?? []).map((h) => h.trim()), rows };
}

/** Turns a row into a record keyed by header name. */
export function rowRecord(header: string[], row: CsvRow): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    record[name] = row.cells[i] ?? '';
  });
  return record;
}
