import type { Finding } from '../findings/finding.ts';
import type { ReadRefused } from '../util/fs/read-bounded.ts';
import { classify, guessKind, kindHome } from './layout.ts';
import { checkFile } from './parse/decode.ts';
import { parseText, type Interner, type SourceMap } from './parse/index.ts';
import { KIND_META as KIND_INFO, type Kind } from './schema/kind-table.ts';
import { locateProblem, type SchemaProblem, type Validators } from './validate.ts';
import { validateReusing } from './validate-reused.ts';

/** A file that was read and parsed, with the schema problems of its data. */
export interface ReadFile {
  path: string;
  kind: Kind;
  data: Record<string, unknown>;
  map: SourceMap;
  problems: SchemaProblem[];
  parser: 'lines' | 'yaml';
}

const err = (file: string, rule: string, line: number, column: number, message: string, hint?: string): Finding => ({ rule, severity: 'error', file, line, column, message, ...(hint ? { hint } : {}) });

/** The finding for a file that could not be read at all (not a regular file, too large, no permission). */
export function refusedFile(path: string, refused: ReadRefused): { file?: ReadFile; findings: Finding[]; unreadable?: { kind: Kind; id: string } } {
  const placement = classify(path);
  const finding = err(path, refused.rule, 1, 1, refused.message, refused.hint);
  return placement.ok && placement.expectedId ? { findings: [finding], unreadable: { kind: placement.kind, id: placement.expectedId } } : { findings: [finding] };
}

/** Reads one inventory file: placement, bytes, YAML, schema, file name vs ID (`previous`: see RawFile). Never throws on bad content. */
export function readInventoryFile(path: string, bytes: Uint8Array, validators: Validators, interner?: Interner, previous?: object): { file?: ReadFile; findings: Finding[]; unreadable?: { kind: Kind; id: string } } {
  const placement = classify(path);
  if (!placement.ok) {
    if (placement.ignore) return { findings: [] };
    return { findings: [err(path, 'unexpected-file', 1, 1, placement.message, placement.hint)] };
  }
  const { kind } = placement;
  // A file that cannot be read still names a record (its file name): references to it are not "unknown".
  const unreadable = placement.expectedId ? { kind, id: placement.expectedId } : undefined;
  const decoded = checkFile(bytes);
  if (!decoded.ok) return { findings: [err(path, decoded.rule, decoded.line, decoded.column, decoded.message, decoded.hint)], ...(unreadable ? { unreadable } : {}) };
  const info = KIND_INFO[kind];
  const accept = validators[kind].records?.accept;
  const parsed = parseText(decoded.text, info.recordsKey, { bytes, ...(interner ? { interner } : {}), ...(accept ? { accept } : {}), ...(previous ? { previous } : {}) });
  const findings = parsed.problems.map((p) => err(path, p.rule, p.line, p.column, p.message, p.hint));
  if (findings.length > 0) return { findings, ...(unreadable ? { unreadable } : {}) };
  const data = parsed.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { findings: [err(path, 'schema', 1, 1, `the file must hold a mapping of keys (a ${info.title.toLowerCase()}), not ${Array.isArray(data) ? 'a list' : 'a single value'}`, `see schemas/${kind}.schema.json`)] };
  }
  let problems = validateReusing(validators, kind, data, previous, parsed.unsure, parsed.fresh);
  const guessed = problems.length > 0 ? guessKind(data) : undefined;
  if (guessed && guessed !== kind) {
    return { findings: [err(path, 'misplaced-file', 1, 1, `this looks like a ${KIND_INFO[guessed].title.toLowerCase()}, but it is in ${kindHome(kind)}`, `move it to ${kindHome(guessed)}`)] };
  }
  for (const p of problems) {
    const pos = locateProblem(parsed.map, p);
    findings.push(err(path, p.rule, pos.line, pos.column, p.message, p.hint));
  }
  const idKey = info.idKey;
  const idInvalid = problems.some((p) => p.path.length === 1 && p.path[0] === idKey);
  if (idKey && placement.expectedId && !idInvalid && typeof data[idKey] === 'string' && data[idKey] !== placement.expectedId) {
    const pos = parsed.map.locate([idKey]);
    findings.push(err(path, 'id-mismatch', pos.line, pos.column, `${idKey} "${String(data[idKey])}" does not match the file name ${placement.expectedId}.yaml`, `rename the file to ${String(data[idKey])}.yaml, or set ${idKey}: ${placement.expectedId}`));
    problems = [...problems, { rule: 'schema', path: [idKey], target: 'value', message: 'id mismatch' }];
  }
  return { file: { path, kind, data, map: parsed.map, problems, parser: parsed.parser }, findings };
}
