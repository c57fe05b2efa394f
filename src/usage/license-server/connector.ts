import { readExport } from '../import/file.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { requiredString, warnUnknownKeys } from '../shared/config.ts';
import { ConnectorError, type Connector, type ConnectorContext, type PullResult } from '../types.ts';
import { aggregate } from './aggregate.ts';
import type { ParsedFile } from './events.ts';
import { mergeFiles } from './merge.ts';

/** The parsers of one license-server product, by the `usage.config.format` they read. */
export interface ServerFormats {
  id: string;
  /** Format names, the first being the one a file is read as when `detect` does not recognise it. */
  formats: Record<string, (text: string, file: string) => ParsedFile>;
  detect: (text: string) => string;
  example: string;
}

const MAX_LISTED = 5;

/**
 * A connector that reads a license server's logs or status outputs committed to the repository
 * (`usage.config.path`, or `paths` for several servers; confined by `lac pull`) and counts the license's features
 * (`usage.features`, feature → tier) per day.
 */
export function licenseServerConnector(spec: ServerFormats): Connector {
  return {
    id: spec.id,
    env: [],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['path', 'paths', 'format'], spec.id, warnings);
      const features = new Map(Object.entries(ctx.features ?? {}));
      if (features.size === 0) {
        throw new ConnectorError(`${spec.id}: usage.features is missing`, `List the license's features and the tier each counts as, e.g. \`features: { ${spec.example}: premium }\` under usage.`);
      }
      const parsedFiles: ParsedFile[] = [];
      for (const path of filesOf(ctx.config, spec.id)) {
        const { text, shown } = await readExport({ path }, spec.id);
        const format = typeof ctx.config.format === 'string' ? ctx.config.format : spec.detect(text);
        const parse = spec.formats[format];
        if (!parse) throw new ConnectorError(`${spec.id}: usage.config.format ${JSON.stringify(format)} is not one lac reads`, `Use one of: ${Object.keys(spec.formats).join(', ')}.`);
        parsedFiles.push(parse(text, shown));
      }
      const parsed = mergeFiles(parsedFiles);
      const result = aggregate(parsed.events, features);
      warnings.push(...describe(spec.id, parsed, result));
      ctx.progress?.(result.accounts.length);
      // `lac pull --since`: only days from then on matter (a log committed for years stays readable).
      const peaks = result.peaks.filter((p) => ctx.since === undefined || p.date >= ctx.since).sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.tier ?? '') < (b.tier ?? '') ? -1 : 1));
      return { accounts: finishAccounts(result.accounts, warnings, spec.id), peaks, warnings };
    },
  };
}

function describe(id: string, parsed: ParsedFile, result: ReturnType<typeof aggregate>): string[] {
  const out: string[] = [];
  if (parsed.skipped.length > 0) {
    const listed = parsed.skipped.slice(0, MAX_LISTED).map((s) => `${s.file}:${s.line} (${s.why})`);
    out.push(`${id}: ${parsed.skipped.length} ${parsed.skipped.length === 1 ? 'line' : 'lines'} not counted: ${listed.join('; ')}${parsed.skipped.length > MAX_LISTED ? '; ...' : ''}`);
  }
  if (result.unmapped.length > 0) out.push(`${id}: features not in usage.features, not counted for this license: ${result.unmapped.join(', ')}`);
  if (result.unmatchedIns > 0) out.push(`${id}: ${result.unmatchedIns} check-ins without their check-out (out before the log began); not counted`);
  const n = result.endedByRestart;
  if (n > 0) out.push(`${id}: ${n} ${n === 1 ? 'seat was' : 'seats were'} out when the server restarted; counted up to its last line before the restart`);
  const notes = new Map<string, number>();
  for (const n of parsed.notes) notes.set(n, (notes.get(n) ?? 0) + 1);
  for (const [note, n] of [...notes].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`${id}: ${note}${n > 1 ? ` (${n} times)` : ''}`);
  return out;
}

/** `path`, or the list `paths` (one file per server: a triad's members, or sites). */
function filesOf(config: Record<string, unknown>, id: string): string[] {
  const { path, paths } = config;
  if (path !== undefined && paths !== undefined) throw new ConnectorError(`${id}: usage.config has both path and paths`, 'Keep one: `paths` lists every file, one per server.');
  if (paths === undefined) return [requiredString(config, 'path', id, 'usage/license-servers/lmgrd.log')];
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string' && p.trim() !== '')) {
    throw new ConnectorError(`${id}: usage.config.paths must be a list of files`, 'e.g. `paths: [usage/license-servers/lic1.log, usage/license-servers/lic2.log]`');
  }
  return paths as string[];
}
