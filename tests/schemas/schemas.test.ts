import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KINDS, schemaFileName, type Kind } from '../../src/inventory/schema/index.ts';
import { schemaText } from '../../src/inventory/schema/emit.ts';
import { createValidators, validateData } from '../../src/inventory/validate.ts';

const root = join(import.meta.dirname, '..', '..');
const validators = createValidators();
const valid = (kind: Kind) => parse(readFileSync(join(import.meta.dirname, 'valid', `${kind}.yaml`), 'utf8')) as Record<string, unknown>;

/** Every property schema in a JSON Schema, with its path. */
function properties(schema: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
    out.push([`${path}/${k}`, v as Record<string, unknown>], ...properties(v, `${path}/${k}`));
  }
  for (const key of ['items', 'additionalProperties']) if (s[key] && typeof s[key] === 'object') out.push(...properties(s[key], `${path}/${key}`));
  for (const [k, v] of Object.entries((s.patternProperties as Record<string, unknown>) ?? {})) out.push(...properties(v, `${path}/${k}`));
  for (const v of (s.anyOf as unknown[]) ?? []) out.push(...properties(v, path));
  return out;
}

describe('committed schemas', () => {
  it.each(KINDS)('schemas/%s.schema.json is exactly what the TypeBox definition generates (run `npm run schemas`)', (kind) => {
    expect(readFileSync(join(root, 'schemas', schemaFileName(kind)), 'utf8')).toBe(schemaText(kind));
  });

  it.each(KINDS)('%s: every property has a description and objects reject unknown keys', (kind) => {
    const doc = JSON.parse(schemaText(kind)) as Record<string, unknown>;
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const props = properties(doc);
    expect(props.length).toBeGreaterThan(2);
    for (const [path, prop] of props) {
      expect(typeof prop.description, `${kind} ${path}`).toBe('string');
      if (prop.type === 'object' && prop.properties) expect(prop.additionalProperties, `${kind} ${path}`).toBe(false);
    }
    expect(doc.additionalProperties).toBe(false);
  });
});

describe('valid examples', () => {
  it.each(KINDS)('%s: the full example passes', (kind) => {
    expect(validateData(validators, kind, valid(kind))).toEqual([]);
  });
});

type Case = [kind: Kind, path: (string | number)[], value: unknown, message: string];

const set = (obj: Record<string, unknown>, path: (string | number)[], value: unknown) => {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

// One field broken at a time; the message names the field and what was expected.
const cases: Case[] = [
  ['org', ['currency'], 'euro', 'currency is "euro": expected an ISO 4217 currency code such as EUR'],
  ['org', ['timezone'], undefined, 'missing required key "timezone"'],
  ['org', ['fiscal_year_start'], '13-01', 'fiscal_year_start is "13-01": expected a month and day MM-DD'],
  ['org', ['exchange_rates', 'USD'], '-1', 'exchange_rates.USD is "-1": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['org', ['rules', 'seat-held-by-leaver'], 'fatal', 'rules.seat-held-by-leaver is "fatal", not one of: error, warning, notice, off'],
  ['org', ['policies', 'reclaim', 'inactive_days'], 0, 'policies.reclaim.inactive_days must be >= 1'],
  ['org', ['policies', 'renewal', 'reminder_days'], [30, 30], 'policies.renewal.reminder_days must NOT have duplicate items (items ## 1 and 0 are identical)'],
  ['org', ['departments', 0, 'id'], 'Eng/Ops', 'departments[0].id is "Eng/Ops": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['people', ['people', 0, 'email'], 'not-an-email', 'people[0].email is "not-an-email": expected a valid email'],
  ['people', ['people', 0, 'status'], 'retired', 'people[0].status is "retired", not one of: active, on-leave, leaver'],
  ['people', ['people', 0, 'start'], '2026-02-30', 'people[0].start is "2026-02-30": expected a calendar date YYYY-MM-DD'],
  ['people', ['people', 0, 'github'], 'bad login!', 'people[0].github is "bad login!": expected a GitHub login'],
  ['people', ['people', 1, 'id'], '../etc/passwd', 'people[1].id is "../etc/passwd": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['people', ['people', 0, 'departmnet'], 'eng', 'unknown key "departmnet" in people[0]; did you mean "department"?'],
  ['vendor', ['website'], 'not a url', 'website is "not a url": expected a full URL (https://...)'],
  ['vendor', ['contacts', 0, 'name'], undefined, 'missing required key "name" in contacts[0]'],
  ['vendor', ['name'], '', 'name must NOT have fewer than 1 characters'],
  ['license', ['type'], 'subscriptoin', 'type is "subscriptoin", not one of: subscription, named-user, concurrent, device, perpetual, site, usage-based; did you mean "subscription"?'],
  ['license', ['tiers'], [], 'tiers must NOT have fewer than 1 items'],
  ['license', ['vendor'], '..', 'vendor is "..": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['license', ['usage', 'source'], 'salesforce', 'usage.source is "salesforce", not one of: none, github-copilot, github-enterprise, okta, google-workspace, microsoft-365, slack, zoom, csv, json, flexnet, rlm'],
  ['license', ['maintenance', 'end'], undefined, 'missing required key "end" in maintenance'],
  ['license', ['tiers', 0, 'list_price'], '5,00', 'tiers[0].list_price is "5,00": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['license', ['owner_team'], 'design', 'owner_team is "design": expected a GitHub team such as @acme/design-ops'],
  ['contract', ['lines', 0, 'quantity'], -3, 'lines[0].quantity is -3: expected a whole number of seats from 0 to 10000000, or "unlimited"'],
  ['contract', ['lines', 0, 'quantity'], 10_000_001, 'lines[0].quantity is 10000001: expected a whole number of seats from 0 to 10000000, or "unlimited"'],
  ['contract', ['lines', 0, 'quantity'], 4294967296, 'lines[0].quantity is 4294967296: expected a whole number of seats from 0 to 10000000, or "unlimited"'],
  ['contract', ['lines', 0, 'unit_price'], 'free', 'lines[0].unit_price is "free": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['contract', ['lines', 0, 'unit_price'], '1000000000.01', 'lines[0].unit_price is "1000000000.01": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['contract', ['lines', 0, 'unit_price'], 1000000001, 'lines[0].unit_price is 1000000001: expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['license', ['tiers', 0, 'list_price'], '12345678901', 'tiers[0].list_price is "12345678901": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['contract', ['notice'], { weeks: 2 }, 'unknown key "weeks" in notice'],
  ['contract', ['end'], '2026-02-29', 'end is "2026-02-29": expected a calendar date YYYY-MM-DD'],
  ['contract', ['billing_period'], 'yearly', 'billing_period is "yearly", not one of: monthly, quarterly, annual, multi-year, one-time'],
  ['contract', ['renewal', 'decision'], 'maybe', 'renewal.decision is "maybe", not one of: undecided, renew, renegotiate, cancel'],
  ['contract', ['lines'], [], 'lines must NOT have fewer than 1 items'],
  ['contract', ['auto_renew'], 'yes', 'auto_renew is "yes": expected boolean'],
  ['contract', ['escalator', 'percent'], 0, 'escalator.percent must be > 0'],
  ['contract', ['escalator', 'percent'], 120, 'escalator.percent is 120: expected a percentage above 0 and up to 100, such as 5 or 3.5'],
  ['contract', ['escalator', 'percent'], '5%', 'escalator.percent is "5%": expected a percentage above 0 and up to 100, such as 5 or 3.5'],
  ['contract', ['escalator', 'percent'], undefined, 'missing required key "percent" in escalator'],
  ['contract', ['escalator', 'every_months'], 12, 'unknown key "every_months" in escalator'],
  ['assignments', ['seats', 0, 'since'], '2025-3-1', 'seats[0].since is "2025-3-1": expected a calendar date YYYY-MM-DD'],
  ['assignments', ['seats', 0, 'tier'], undefined, 'missing required key "tier" in seats[0]'],
  ['assignments', ['seats', 1, 'device'], 'ws 14', 'seats[1].device is "ws 14": expected a device name of letters, digits, ".", "-", "_"'],
  ['assignments', ['license'], 'Figma', 'license is "Figma": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  // IDs name files and git branches (lac/reclaim/<license>, lac/renewal/<contract>): issue 12.
  ['license', ['id'], 'figma.lock', 'id is "figma.lock": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['contract', ['id'], 'figma-2026.lock', 'id is "figma-2026.lock": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['vendor', ['id'], 'figma.', 'id is "figma.": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['people', ['people', 0, 'id'], '-ada', 'people[0].id is "-ada": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['people', ['people', 0, 'manager'], 'a..b', 'people[0].manager is "a..b": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['license', ['vendor'], 'figma@{1}', 'vendor is "figma@{1}": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['assignments', ['seats', 0, 'person'], 'ada\u001b[2J', 'seats[0].person is "ada\u001b[2J": expected an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")'],
  ['vendor', ['domains', 0], 'https://figma.com', 'domains[0] is "https://figma.com": expected a domain name in lowercase such as figma.com'],
  ['vendor', ['aliases'], ['FIGMA INC', 'FIGMA INC'], 'aliases must NOT have duplicate items (items ## 1 and 0 are identical)'],
  ['vendor', ['aliases', 0], '', 'aliases[0] must NOT have fewer than 1 characters'],
  ['org', ['discovery', 'sources', 0, 'source'], 'slack', 'discovery.sources[0].source is "slack", not one of: okta, google-workspace, entra-id, expenses'],
  ['org', ['discovery', 'min_users'], 0, 'discovery.min_users must be >= 1'],
  ['org', ['discovery', 'work_domains', 0], 'Example.COM', 'discovery.work_domains[0] is "Example.COM": expected a domain name in lowercase such as figma.com'],
  ['org', ['discovery', 'ignore', 0, 'reason'], undefined, 'missing required key "reason" in discovery.ignore[0]'],
  ['discovered', ['apps', 0, 'users'], -1, 'apps[0].users must be >= 0'],
  ['discovered', ['apps', 0, 'spend_90d'], '5,00', 'apps[0].spend_90d is "5,00": expected a non-negative amount up to 1000000000 such as "540.00"'],
  ['discovered', ['apps', 1, 'first_seen'], 'yesterday', 'apps[1].first_seen is "yesterday": expected a calendar date YYYY-MM-DD'],
  ['discovered', ['kind'], 'slack', 'kind is "slack", not one of: okta, google-workspace, entra-id, expenses'],
  ['usage', ['taken'], '2026-11-20', 'taken is "2026-11-20": expected a UTC instant such as 2026-11-20T06:00:00Z'],
  ['usage', ['accounts', 0, 'status'], 'gone', 'accounts[0].status is "gone", not one of: active, suspended, deactivated, invited, guest'],
  ['usage', ['accounts', 1, 'last_active'], 'never', 'accounts[1].last_active is "never": expected a date YYYY-MM-DD, or null for never'],
  ['usage', ['peaks', 0, 'in_use'], 1.5, 'peaks[0].in_use is 1.5: expected integer'],
  ['usage', ['peaks', 1, 'denials'], -1, 'peaks[1].denials must be >= 0'],
];

describe('one field broken at a time', () => {
  it.each(cases)('%s %j = %j', (kind, path, value, message) => {
    const problems = validateData(validators, kind, set(valid(kind), path, value));
    expect(problems.map((p) => p.message)).toEqual([message]);
  });
});

describe('limits', () => {
  it.each([0, 1, 10_000_000, 'unlimited'])('a quantity of %j is valid', (q) => {
    expect(validateData(validators, 'contract', set(valid('contract'), ['lines', 0, 'quantity'], q))).toEqual([]);
  });
  it.each(['0', '0.000001', '1000000000', '1000000000.000000', 999_999_999.5, 1_000_000_000])('a price of %j is valid', (p) => {
    expect(validateData(validators, 'contract', set(valid('contract'), ['lines', 0, 'unit_price'], p))).toEqual([]);
  });
});
