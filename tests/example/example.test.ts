// The bundled example organization (inventory/), loaded through the real loader and rules as of
// the day it describes. It is the demo and the template: it must stay valid, cover every license
// type, and show a few findings worth showing. See scripts/example/ for how it was made.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/check/run.ts';
import { classify } from '../../src/inventory/layout.ts';
import { LICENSE_TYPES } from '../../src/inventory/schema/license.ts';
import { fsSource } from '../../src/inventory/source.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-23';

let result: CheckResult;
beforeAll(async () => {
  result = await check(fsSource(ROOT), { today: TODAY });
});

const show = (fs: CheckResult['findings']) => fs.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule} ${f.message}`).join('\n');

describe('the example organization', () => {
  it('has no error findings', () => {
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(show(errors)).toBe('');
  });

  it('shows the warnings it was made to show, and only a few', () => {
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    const shown = new Set(warnings.map((f) => `${f.rule} ${f.file}`));
    for (const expected of [
      'renewal-decision-due inventory/contracts/zoom-2026.yaml',
      'maintenance-expired inventory/licenses/matlab.yaml',
      'contract-expired inventory/contracts/miro-2025.yaml',
      'over-assigned inventory/assignments/microsoft-365.yaml',
      'seat-held-by-leaver inventory/assignments/okta.yaml',
      // The SOLIDWORKS Professional pool was full twice in November (issue 17: the renewal recommends 9 seats).
      'concurrent-denials inventory/usage/solidworks.yaml',
    ]) {
      expect(shown, show(warnings)).toContain(expected);
    }
    expect(warnings.length, show(warnings)).toBeLessThanOrEqual(15);
  });

  it('has at least 150 people, with leavers, people on leave and future leavers', () => {
    const people = [...result.inventory.people.values()].map((p) => p.data);
    expect(people.length).toBeGreaterThanOrEqual(150);
    expect(people.filter((p) => p.status === 'leaver' && p.end! < TODAY).length).toBeGreaterThanOrEqual(3);
    expect(people.filter((p) => p.status === 'on-leave').length).toBeGreaterThanOrEqual(2);
    expect(people.some((p) => p.end !== undefined && p.end > TODAY)).toBe(true);
    expect(new Set(people.map((p) => p.department)).size).toBeGreaterThanOrEqual(8);
    expect(people.filter((p) => p.github).length).toBeGreaterThanOrEqual(30);
    expect(people.every((p) => p.email.endsWith('.example'))).toBe(true);
  });

  it('has at least 15 licenses covering every license type', () => {
    const licenses = [...result.inventory.licenses.values()].map((l) => l.data);
    expect(licenses.length).toBeGreaterThanOrEqual(15);
    expect(new Set(licenses.map((l) => l.type))).toEqual(new Set(LICENSE_TYPES));
    expect(licenses.every((l) => l.owner !== undefined)).toBe(true);
  });

  it('has contracts in USD and GBP, a 36-month term, a renewal with `previous`, and rates for every currency', () => {
    const contracts = [...result.inventory.contracts.values()].map((c) => c.data);
    const currencies = new Set(contracts.map((c) => c.currency));
    expect(currencies).toContain('USD');
    expect(currencies).toContain('GBP');
    expect(contracts.some((c) => c.term_months === 36 && c.end !== undefined)).toBe(true);
    expect(contracts.some((c) => c.previous !== undefined)).toBe(true);
    const rates = result.inventory.org!.data.exchange_rates ?? {};
    for (const currency of currencies) if (currency !== 'EUR') expect(rates).toHaveProperty(currency);
  });

  it('starts every inventory file with the yaml-language-server line of its kind', async () => {
    const files = result.inventory.files;
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const placement = classify(file);
      if (!placement.ok && placement.ignore) continue; // README.md and the like
      expect(placement.ok, file).toBe(true);
      if (!placement.ok) continue;
      const up = file.split('/').length === 2 ? '../' : '../../';
      const first = (await readFile(`${ROOT}/${file}`, 'utf8')).split('\n', 1)[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${up}schemas/${placement.kind}.schema.json`);
    }
  });
});
