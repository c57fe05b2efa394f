import { formatPositionCsv } from '../report/position.ts';
import { vendorLines } from './pages/position.ts';
import { forecastCsv } from '../report/forecast/format.ts';
import { BOM, tableCsv, tableCsvChunks } from './csv/table.ts';
import type { SiteData } from './types.ts';
import { dataJson } from './data-json.ts';
import { routes } from './routes.ts';
import { rowCount } from './rows.ts';

export { tableCsv };

/** Tables of more rows are written in chunks: the seats of a large organization are a CSV of 150 MB, no need to hold it as one string. */
const CHUNKED_ROWS = 20_000;

/** A file under /download/; its body is made when it is written, so that not all are held at once. */
export interface DownloadFile {
  /** Path under /download/, e.g. "csv/licenses.csv". */
  path: string;
  /** The text, or its chunks (data.json: longer than a string can be); gzip-compressed when the path ends in .gz. */
  body(): string | Iterable<string>;
}

/** A download's whole text (its chunks joined); a .gz file's text before compression. */
export function bodyText(f: DownloadFile): string {
  const body = f.body();
  return typeof body === 'string' ? body : [...body].join('');
}

/** The files under /download/: every table that has a CSV of its own (not a view of a shared one) (UTF-8 with a BOM, as every CSV here), the whole data as JSON (gzip), each vendor's license position, the forecast as `lac forecast --format csv`, the renewal calendar. */
export function downloads(d: Pick<SiteData, 'tables' | 'model' | 'ics'>): DownloadFile[] {
  // Each file holds only what it is made from (a table, the model), not every table: the files wait through the render.
  const { model, ics } = d;
  return [
    ...Object.values(d.tables).filter((t) => t.csv === undefined).map((t) => ({ path: `csv/${t.id}.csv`, body: () => (rowCount(t) > CHUNKED_ROWS ? tableCsvChunks(t) : tableCsv(t)) })),
    { path: routes.dataJson.slice('/download/'.length), body: () => { const { obj, items } = dataJson(model); return jsonChunks(obj, items); } },
    ...[...new Set(model.position.lines.map((l) => l.vendor))].map((v) => ({ path: `position/${v}.csv`, body: () => BOM + formatPositionCsv({ ...model.position, lines: vendorLines(model.position, v) }) })),
    { path: 'forecast.csv', body: () => BOM + forecastCsv(model.forecast) },
    { path: 'renewals.ics', body: () => ics },
  ];
}

/** An object as JSON, arrays one element per line, in chunks: a large organization's data is longer than a string can be. */
export function* jsonChunks(obj: Record<string, unknown>, items: Record<string, (item: unknown) => unknown> = {}): Generator<string> {
  const keys = Object.keys(obj);
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    const value = obj[key];
    const sep = i < keys.length - 1 ? ',\n' : '\n';
    if (!Array.isArray(value)) {
      yield `${JSON.stringify(key)}: ${JSON.stringify(value)}${sep}`;
      continue;
    }
    yield `${JSON.stringify(key)}: [`;
    const each = items[key] ?? ((item: unknown) => item);
    let chunk = '';
    for (const [j, item] of value.entries()) {
      chunk += `${j ? ',' : ''}\n ${JSON.stringify(each(item))}`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}${value.length ? '\n' : ''}]${sep}`;
  }
  yield '}\n';
}
