import { trace } from './trace.ts';
import { contractsByLicense, entitlements } from '../analysis/entitlement.ts';
import { pricesAlong } from '../analysis/report/prices.ts';
import { CODEOWNERS_PATH } from '../codeowners/generate.ts';
import { codeownersFindings } from '../codeowners/stale.ts';
import { sortFindings, type Finding } from '../findings/finding.ts';
import { classify } from '../inventory/layout.ts';
import { emptyInventory, type Inventory } from '../inventory/model.ts';
import type { TreeSource } from '../inventory/source.ts';
import type { IsoDate } from '../util/dates.ts';
import type { Mentions } from './mentions.ts';
import { addParsed, type Parsed, type PairReader, type SideState, type TreePair } from './pair.ts';
import { readPeople } from './people.ts';
import { wantedPeople } from './holders.ts';
import { focus, relate, repeatedView, splitRules } from './rule-scope.ts';
import { reachedLicenses, type Prices } from './scope.ts';
import type { runRules as RunRulesFn } from '../check/run.ts';
import type { Rule } from '../rules/rule.ts';

type RunRules = typeof RunRulesFn;
type ByLicense = ReturnType<typeof contractsByLicense>;
type Entitled = ReturnType<typeof entitlements>;

export interface Checked {
  inventory: Inventory;
  findings: Finding[];
  /** tierPrices of the inventory, when already computed (the seats read later do not change them). */
  prices?: Prices;
}

export type Incremental = { before: Checked; after: Checked; today: IsoDate } | { fallback: string };

const PEOPLE = 'inventory/people.yaml';
const SMALL = new Set(['org', 'vendor', 'license', 'contract', 'policy', 'discovered']);
const kindOf = (path: string) => {
  const c = classify(path);
  return c.ok ? c.kind : undefined;
};

/** Referenced kinds whose broken file makes rules list every file that refers to it; for people and org those are all files. */
const WIDE_BROKEN = /^(people|org)(:|$)/;

/** Adds the files at `paths` of one side (and files read otherwise, `more`), in path order. */
async function add(reader: PairReader, s: SideState, paths: readonly string[], more: [string, Parsed][] = []): Promise<void> {
  const present = new Set(s.paths);
  const files = await Promise.all(paths.filter((p) => present.has(p)).map(async (p): Promise<[string, Parsed]> => [p, await reader.read(s.side, p)]));
  s.findings.push(...addParsed(s.inv, [...files, ...more]));
}

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

let checks: Promise<[typeof import('../check/run.ts'), typeof import('../rules/index.ts')]> | undefined;
/**
 * The rules and check's runner, loaded once: prefetch starts loading them after asking git for the files,
 * so that the modules load while the thread waits for git, not before it can ask.
 */
const loadChecks = () => (checks ??= Promise.all([import('../check/run.ts'), import('../rules/index.ts')]));

/**
 * Starts reading what every incremental diff reads (the small files, then the changed files,
 * the snapshots and people.yaml), at once: git answers the reads of a tick with one
 * `cat-file --batch`, and every later spawn costs more as the process grows.
 */
export async function prefetch(pair: TreePair, reader: PairReader): Promise<void> {
  reader.start();
  const [basePaths, headPaths] = await Promise.all([pair.base.list(), pair.head.list()]);
  const sides = [['base', basePaths], ['head', headPaths]] as const;
  // The small files first, the changed ones in a git process of their own just after (gitSource sends the reads of a
  // tick in the next check phase; these are asked for in the one after): the 2,700 small files of a large org (1.5 MB)
  // arrive while git still inflates the 21 MB of changed seat files, and are parsed in what was the thread's wait for
  // them. Alternating runs at XL (bench/README.md, twenty-first round): medians 1.755 -> 1.69, 1.59 -> 1.555, 1.68 ->
  // 1.68 s, the diff's thread 25-35 ms less processor time in each set.
  for (const [side, paths] of sides) for (const p of paths) if (!pair.changed.has(p) && SMALL.has(kindOf(p) ?? '')) quiet(reader.read(side, p));
  await new Promise((next) => setImmediate(() => setImmediate(next)));
  for (const [side, paths] of sides) for (const p of paths) if (pair.changed.has(p)) quiet(reader.read(side, p));
  // The snapshots of licenses whose seat lines changed are read whole in another thread from now on (whole-usage.ts,
  // read-server.ts); first, as the diff needs them before people.yaml.
  for (const p of pair.changed) if (kindOf(p) === 'assignments') for (const u of wholeUsage(pair, basePaths, headPaths, [usageOf(p)])) quiet(reader.readUsage(u));
  // people.yaml is indexed in the other thread from now on (people-index.ts).
  if (basePaths.includes(PEOPLE) && !pair.changed.has(PEOPLE)) quiet(reader.readPeople(PEOPLE));
  quiet(loadChecks());
}

const usageOf = (path: string) => `inventory/usage/${path.slice(path.lastIndexOf('/') + 1)}`;

/** Usage snapshots among `paths` that are the same file on both sides. */
const wholeUsage = (pair: TreePair, basePaths: readonly string[], headPaths: readonly string[], paths: readonly string[]) =>
  paths.filter((p) => !pair.changed.has(p) && basePaths.includes(p) && headPaths.includes(p));

/** An unchanged snapshot with only the accounts of `persons` (whole-usage.ts), else whole. */
async function sparseUsageFile(reader: PairReader, path: string, persons: ReadonlySet<string>): Promise<[string, Parsed]> {
  const sparse = await reader.sparseUsage(path, persons);
  const parsed = sparse && reader.readBytes(path, sparse.bytes);
  const clean = parsed?.file && parsed.findings.length === 0 && parsed.file.problems.length === 0 && (parsed.file.data.accounts as unknown[]).length === sparse!.kept;
  return [path, clean ? parsed : await reader.read('base', path)];
}

/**
 * The findings of both trees of a change, computed from the records it reaches: all small files
 * (org, vendors, licenses, contracts, policies, discovery), the seats and usage of the licenses the
 * change reaches (scope.ts), and the people those need (people.ts). Findings about anything else are
 * the same on both sides and cancel in `effects`. Returns a reason instead where the dependencies of
 * a rule cannot be bounded; the caller then compares whole trees.
 */
export async function incrementalCheck(pair: TreePair, reader: PairReader, seatHolders: ReadonlySet<string>, mentions: Mentions, touched: Iterable<string>, today?: IsoDate): Promise<Incremental> {
  const changed = [...pair.changed];
  // Severities, policies, the time zone (today), departments and currency reach every finding.
  if (changed.some((p) => kindOf(p) === 'org' || kindOf(p) === 'policy')) return { fallback: 'org.yaml or an access policy changed' };
  const [basePaths, headPaths] = await Promise.all([pair.base.list(), pair.head.list()]);
  const sides: SideState[] = [
    { side: 'base', paths: basePaths, inv: emptyInventory(), findings: [] },
    { side: 'head', paths: headPaths, inv: emptyInventory(), findings: [] },
  ];
  const [before, after] = sides as [SideState, SideState];
  // Files no kind claims have only their own findings: those of unchanged ones cancel.
  const loose = changed.filter((p) => kindOf(p) === undefined);
  await Promise.all(sides.map((s) => add(reader, s, [...s.paths.filter((p) => SMALL.has(kindOf(p) ?? '')), ...loose])));
  trace('small files read');
  const [{ resolveToday, runRules }, { RULES }] = await loadChecks();
  const day = resolveToday(after.inv, today);
  // A policy grants a license to everyone it matches: adding or removing a license reaches them all.
  if ((before.inv.policies.size > 0 || after.inv.policies.size > 0) && [...before.inv.licenses.keys()].join('\n') !== [...after.inv.licenses.keys()].join('\n')) {
    return { fallback: 'a license was added or removed while access policies grant licenses' };
  }
  const versions = await Promise.all(changed.map(async (path) => ({ path, base: basePaths.includes(path) ? await reader.read('base', path) : undefined, head: headPaths.includes(path) ? await reader.read('head', path) : undefined })));
  // Prices and entitlements read only licenses, contracts and org.yaml: all read by now, on both sides. The contracts
  // in force are found once a side; the head's prices are the base's for every license whose data the change left.
  const inForce = sides.map((s) => contractsByLicense(s.inv, day)) as [ByLicense, ByLicense];
  const entitled = sides.map((s, i) => entitlements(s.inv, day, inForce[i])) as [Entitled, Entitled];
  const basePrices = pricesAlong(before.inv, inForce[0]);
  const prices: [Prices, Prices] = [basePrices.prices, pricesAlong(after.inv, inForce[1], basePrices).prices];
  const reached = reachedLicenses({ before: before.inv, after: after.inv, today: day, changed: versions, paths: [...basePaths, ...headPaths], touched, prices, entitled });
  const people = await readPeople(reader, pair, sides, mentions, reached);
  trace('prices and reach');
  if ('fallback' in people) return people;
  // The seats whose findings can change in a file that is otherwise judged as before.
  const holders = new Set([...seatHolders, ...people.changed.map((id) => `p:${id}`)]);
  const narrow = new Set([...reached.all].filter((id) => !reached.wide.has(id)));
  // Of a narrow license's snapshot only the accounts of those holders are looked up; the others' findings cancel.
  const sparse = new Set(wholeUsage(pair, basePaths, headPaths, [...narrow].map((id) => `inventory/usage/${id}.yaml`)));
  const seatPaths = [...reached.all].flatMap((id) => [`inventory/assignments/${id}.yaml`, `inventory/usage/${id}.yaml`]).filter((p) => !sparse.has(p));
  const changedSeats = changed.filter((p) => kindOf(p) === 'assignments' || kindOf(p) === 'usage');
  const persons = new Set([...holders].flatMap((h) => (h.startsWith('p:') ? [h.slice(2)] : [])));
  const usage = await Promise.all([...sparse].map((p) => sparseUsageFile(reader, p, persons)));
  await Promise.all(sides.map((s) => add(reader, s, [...new Set([...seatPaths, ...changedSeats])], usage)));
  trace('seats read (usage verdict waited for)');
  // A changed seat file's holders of two seats are found from its base version's (rule-scope.ts).
  relate(before.inv, after.inv);
  await people.load(wantedPeople(sides.map((s) => s.inv), narrow, holders));
  for (const s of sides) {
    s.inv.files = s.paths;
    const broken = [...s.inv.broken].find(([key]) => WIDE_BROKEN.test(key));
    if (broken) return { fallback: `${broken[1]} is broken: references to it from every file are reported together` };
  }
  trace('people read (people.yaml index waited for)');
  const checked = await Promise.all(sides.map((s, i) => finish(s, s.side === 'base' ? pair.base : pair.head, day, entitled[i]!, (inv) => focus(inv, narrow, holders), { runRules, RULES })));
  return { before: { ...checked[0]!, prices: prices[0] }, after: { ...checked[1]!, prices: prices[1] }, today: day };
}

/** Rules and file findings of one side, as `check` gives them. */
async function finish(s: SideState, source: TreeSource, today: IsoDate, entitled: Entitled, focused: (inv: Inventory) => Inventory, { runRules, RULES }: { runRules: RunRules; RULES: readonly Rule[] }): Promise<Checked> {
  // A missing org.yaml is missing on both sides (else org.yaml changed): its finding cancels.
  const codeowners = await source.read(CODEOWNERS_PATH).then((b) => new TextDecoder().decode(b)).catch(() => undefined);
  const rules = splitRules(RULES);
  // The views differ in seats only: their contracts, and so what each license is entitled to (`entitled`), are the inventory's.
  const run = (inv: Inventory, some: readonly Rule[]) => runRules(inv, today, some, entitled);
  const findings = [...s.findings, ...run(s.inv, rules.file), ...run(repeatedView(s.inv), rules.repeated), ...run(focused(s.inv), rules.seat), ...codeownersFindings(s.inv, codeowners)];
  return { inventory: s.inv, findings: sortFindings(findings) };
}
