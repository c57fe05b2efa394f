import { accountsByPerson } from '../analysis/activity.ts';
import { entitlements, type Entitlement } from '../analysis/entitlement.ts';
import { CODEOWNERS_PATH } from '../codeowners/generate.ts';
import { codeownersFindings } from '../codeowners/stale.ts';
import type { Finding } from '../findings/finding.ts';
import { sortFindings } from '../findings/finding.ts';
import { loadInventory } from '../inventory/load.ts';
import { locate, type Inventory } from '../inventory/model.ts';
import type { TreeSource } from '../inventory/source.ts';
import { FILE_CHECKS, RULES } from '../rules/index.ts';
import type { Emitted, Rule, RuleContext } from '../rules/rule.ts';
import { holdersOf, isSeatRule, walkSeats, type SeatRule, type WalkContext } from '../rules/seat-walk.ts';
import { isTimeZone, todayIn, type IsoDate } from '../util/dates.ts';
import { suggestion } from '../util/suggest.ts';

export interface CheckResult {
  inventory: Inventory;
  findings: Finding[];
  today: IsoDate;
}

/** The org's "today": the given date, else today in the org's time zone (UTC when unknown). */
export function resolveToday(inv: Inventory, today: IsoDate | undefined, now: Date = new Date()): IsoDate {
  if (today) return today;
  const tz = inv.org?.data.timezone;
  return todayIn(tz && isTimeZone(tz) ? tz : 'UTC', now);
}

/**
 * Runs the rules over a loaded inventory, applying the org's severity overrides. Pure.
 * The per-seat rules share one walk over the seats (src/rules/seat-walk.ts); each rule's findings
 * still come out together, in the order of `rules`. `entitled`: entitlements(inv, today) when the caller has
 * them already (lac diff runs the rules on three views of one inventory, which share its contracts).
 */
export function runRules(inv: Inventory, today: IsoDate, rules: readonly Rule[] = RULES, entitled: Map<string, Entitlement> = entitlements(inv, today)): Finding[] {
  const ctx: RuleContext = { inv, today, entitlements: entitled, accounts: memo(accountsByPerson) };
  const overrides = inv.org?.data.rules ?? {};
  const active = rules.filter((rule) => overrides[rule.id] !== 'off').map((rule) => ({ rule, out: [] as Finding[] }));
  const emitter = ({ rule, out }: (typeof active)[number]) => {
    const setting = overrides[rule.id];
    const fixed = setting === 'off' ? undefined : setting;
    return (e: Emitted) => {
      out.push({ rule: rule.id, severity: fixed ?? e.severity ?? rule.severity, message: e.message, ...e.loc, ...(e.hint ? { hint: e.hint } : {}) });
    };
  };
  const perSeat = active.filter((a) => isSeatRule(a.rule));
  if (perSeat.length > 0) {
    const walk: WalkContext = { ...ctx, holders: holdersOf(ctx) };
    walkSeats(walk, perSeat.flatMap((a) => (a.rule as SeatRule).visit(walk, emitter(a)) ?? []));
  }
  for (const a of active) if (!isSeatRule(a.rule)) a.rule.check(ctx, emitter(a));
  const out = active.flatMap((a) => a.out);
  out.push(...orgSettingFindings(inv, rules));
  return out;
}

/** `f` computed once per argument. */
function memo<K extends object, V>(f: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key)!;
  };
}

/** Problems in org.yaml that only make sense with the rule list and the runtime: rule ids, time zone. */
function orgSettingFindings(inv: Inventory, rules: readonly Rule[]): Finding[] {
  const org = inv.org;
  if (!org) return [];
  const out: Finding[] = [];
  const known = rules.map((r) => r.id);
  const fixed = new Set(FILE_CHECKS.map((c) => c.id));
  for (const id of Object.keys(org.data.rules ?? {})) {
    if (known.includes(id)) continue;
    const message = fixed.has(id) ? `rule "${id}" checks the files themselves; its severity cannot be changed` : `unknown rule "${id}"${suggestion(id, known)}`;
    out.push({ rule: 'unknown-rule', severity: 'warning', ...locate(org.src, ['rules', id], 'key'), message, hint: 'see `lac rules` for the rule ids' });
  }
  if (!isTimeZone(org.data.timezone)) {
    out.push({ rule: 'schema', severity: 'error', ...locate(org.src, ['timezone']), message: `timezone "${org.data.timezone}" is not an IANA time zone`, hint: 'use a name such as Europe/Berlin or America/New_York' });
  }
  return out;
}

/** `lac check`: load, validate, run the rules. Reads only; writes nothing. */
export async function check(source: TreeSource, options: { today?: IsoDate } = {}): Promise<CheckResult> {
  const loaded = await loadInventory(source);
  const today = resolveToday(loaded.inventory, options.today);
  const codeowners = await source.read(CODEOWNERS_PATH).then((b) => new TextDecoder().decode(b)).catch(() => undefined);
  const findings = sortFindings([...loaded.findings, ...runRules(loaded.inventory, today), ...codeownersFindings(loaded.inventory, codeowners)]);
  return { inventory: loaded.inventory, findings, today };
}
