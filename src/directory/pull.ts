// `lac people pull`: read the directory source named in org.yaml, plan the people changes, and
// write people.yaml whole or not at all. A failing source, a shrunken directory or an edit that
// would not validate leaves the file as it was.
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Inventory } from '../inventory/model.ts';
import { readWorkingFile } from '../inventory/source.ts';
import { createValidators, validateData } from '../inventory/validate.ts';
import { stringMap } from '../usage/shared/config.ts';
import { writeAtomically } from '../usage/snapshot/write.ts';
import { ConnectorError } from '../usage/types.ts';
import { isInside, staysInside } from '../util/fs/read-bounded.ts';
import { editPeople, readPeopleData } from './edit.ts';
import { planPeople, type PeoplePlan } from './plan.ts';
import type { DirectorySourceImpl } from './types.ts';

export const PEOPLE_PATH = 'inventory/people.yaml';
export const DEFAULT_MIN_SOURCE_PERCENT = 80;

export interface PeoplePullDeps {
  root: string;
  env: Record<string, string | undefined>;
  fetch: typeof globalThis.fetch;
  today: string;
  dryRun: boolean;
  sources: ReadonlyMap<string, DirectorySourceImpl>;
}

export interface PeoplePullResult {
  source: string;
  entries: number;
  plan: PeoplePlan;
  warnings: string[];
  /** people.yaml's new text, when it changes. */
  text?: string;
  written: boolean;
}

/** A `path` in directory.config, resolved inside the repository (no absolute paths, no way out, no link out). */
async function confine(root: string, config: Record<string, unknown>): Promise<Record<string, unknown>> {
  const path = config.path;
  if (typeof path !== 'string') return config;
  const refuse = (why: string) => new ConnectorError(`inventory/org.yaml: directory.config.path ${JSON.stringify(path)} ${why}; lac reads only files inside the repository`, 'commit the export inside the repository and give its path relative to the repository root');
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path)) throw refuse('is an absolute path');
  if (!staysInside(path)) throw refuse('leads outside the repository');
  const target = resolve(root, path);
  const real = await realpath(target).catch(() => undefined);
  if (real !== undefined && !isInside(await realpath(root), real)) throw refuse('is a symbolic link to a file outside the repository');
  return { ...config, path: target };
}

/** Pulls the directory and applies it to people.yaml (or only plans it, with dryRun). */
export async function pullPeople(inv: Inventory, deps: PeoplePullDeps): Promise<PeoplePullResult> {
  const directory = inv.org?.data.directory;
  if (!directory) throw new ConnectorError('inventory/org.yaml has no `directory` block', 'add `directory: { source: okta, config: { base_url: https://example.okta.com } }` (see README: lac people pull)');
  const source = deps.sources.get(directory.source);
  if (!source) throw new ConnectorError(`directory source "${directory.source}" is not available in this version`, `available: ${[...deps.sources.keys()].sort().join(', ')}`);
  const rawConfig = directory.config ?? {};
  // Messages show a configured file as written in org.yaml, not as the absolute path it was read from.
  const relative = (text: string) => text.split(`${resolve(deps.root)}/`).join('');
  const config = await confine(deps.root, rawConfig);
  const result = await source.pull({ config, env: deps.env, fetch: deps.fetch, today: deps.today }).catch((e: unknown) => {
    throw e instanceof ConnectorError ? new ConnectorError(relative(e.message), e.hint) : e;
  });
  for (const entry of result.entries) if (entry.where !== undefined) entry.where = relative(entry.where);
  const plan = planPeople({
    people: [...inv.people.values()].map((p) => p.data),
    entries: result.entries,
    departments: inv.org?.data.departments ?? [],
    departmentNames: stringMap(rawConfig, 'departments', 'directory'),
    today: deps.today,
    minSourcePercent: directory.min_source_percent ?? DEFAULT_MIN_SOURCE_PERCENT,
    reservedIds: inv.invalid.people,
  });
  const base: PeoplePullResult = { source: source.id, entries: result.entries.length, plan, warnings: [...result.warnings, ...plan.warnings], written: false };
  if (plan.joiners.length === 0 && plan.changes.length === 0) return base;
  const before = await readWorkingFile(deps.root, PEOPLE_PATH);
  const text = editPeople(before, plan);
  const problems = validateData(createValidators(), 'people', readPeopleData(text));
  if (problems.length > 0) {
    throw new ConnectorError(`the directory would make people.yaml invalid: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`, 'fix the entry in the source (or directory.config.departments); people.yaml is unchanged');
  }
  if (!deps.dryRun) await writeAtomically(deps.root, PEOPLE_PATH, text);
  return { ...base, text, written: !deps.dryRun };
}
