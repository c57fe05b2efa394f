import { readExport } from '../import/file.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { warnUnknownKeys } from '../shared/config.ts';
import { ConnectorError, type Connector, type ConnectorContext, type PullResult } from '../types.ts';
import { aggregate } from './aggregate.ts';
import type { ParsedFile } from './events.ts';

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
 * A connector that reads a license server's log or status output committed to the repository
 * (`usage.config.path`, confined by `lac pull`) and counts the license's features
 * (`usage.features`, feature → tier) per day.
 */
export function licenseServerConnector(spec: ServerFormats): Connector {
  return {
    id: spec.id,
    env: [],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['path', 'format'], spec.id, warnings);
      const features = new Map(Object.entries(ctx.features ?? {}));
      if (features.size === 0) {
        throw new ConnectorError(`${spec.id}: usage.features is missing`, `List the license's features and the tier each counts as, e.g. \`features: { ${spec.example}: premium }\` under usage.`);
      }
      const { text, shown } = await readExport(ctx.config, spec.id);
      const format = typeof ctx.config.format === 'string' ? ctx.config.format : spec.detect(text);
      const parse = spec.formats[format];
      if (!parse) throw new ConnectorError(`${spec.id}: usage.config.format ${JSON.stringify(format)} is not one lac reads`, `Use one of: ${Object.keys(spec.formats).join(', ')}.`);
      const parsed = parse(text, shown);
      const events = [...parsed.events].sort((a, b) => a.at - b.at);
      const result = aggregate(events, features);
      warnings.push(...describe(spec.id, parsed, result));
      ctx.progress?.(result.accounts.length);
      const peaks = result.peaks.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.tier ?? '') < (b.tier ?? '') ? -1 : 1));
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
  if (result.endedByRestart > 0) out.push(`${id}: ${result.endedByRestart} seats were out when the server restarted; counted up to its last line before the restart`);
  const notes = new Map<string, number>();
  for (const n of parsed.notes) notes.set(n, (notes.get(n) ?? 0) + 1);
  for (const [note, n] of [...notes].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`${id}: ${note}${n > 1 ? ` (${n} times)` : ''}`);
  return out;
}
