// Shared fixtures and a CLI runner for the renewal tests.
import { files } from '../support/inventory.ts';

/** `lac ...args` in this process, through the real command table. */
export { lac } from '../support/cli.ts';

export const ORG = `# yaml-language-server: $schema=../schemas/org.schema.json
name: Test Co
currency: EUR
timezone: Europe/Berlin
exchange_rates: { USD: "0.90" }
policies:
  renewal:
    reminder_days: [90, 60, 30, 14, 7]
    decision_window_days: 45
    usage_window_days: 90
    headroom_percent: 10
github:
  labels: [licenses]
`;

export const FIGMA_LICENSE = `id: figma
name: Figma
vendor: figma
type: subscription
owner: ada
tiers:
  - { id: full, name: Full seat }
  - { id: viewer, name: Viewer }
`;

/** An auto-renewing contract: cancel by 2026-12-01 (30 days before it renews on 2027-01-01). */
export const FIGMA_CONTRACT = `# Figma Organization: order form Q-1234, signed by Ada.
id: figma-2026
vendor: figma
title: Figma Organization 2026
owner: ada
currency: USD
start: 2026-01-01
end: 2026-12-31 # renews by itself
auto_renew: true
notice: { days: 31 }
renewal:
  decision: undecided
lines:
  # Full seats come in packs of five.
  - { license: figma, tier: full, quantity: 20, unit_price: "540.00", pack_size: 5 }
  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }
`;

export const ZOOM = {
  vendor: `id: zoom\nname: Zoom Video Communications\n`,
  license: `id: zoom\nname: Zoom\nvendor: zoom\ntype: subscription\nowner: bob\ntiers:\n  - { id: pro, name: Pro }\n`,
  contract: `id: zoom-2026
vendor: zoom
owner: bob
currency: EUR
start: 2026-03-01
end: 2027-02-28
auto_renew: false
notice: { months: 2 }
lines:
  - { license: zoom, tier: pro, quantity: 3, unit_price: "13.33", price_period: month }
`,
  seats: `license: zoom\nseats:\n  - { person: bob, tier: pro, since: 2026-03-01 }\n  - { person: ada, tier: pro, since: 2026-03-01 }\n`,
};

/** A usage snapshot of figma with `active` full seats in use (active within the week) and `idle` unused ones. */
export function figmaUsage(taken: string, active: number, idle = 0): string {
  const day = taken.slice(0, 10);
  const rows: string[] = [];
  for (let i = 0; i < active + idle; i++) {
    const n = String(i).padStart(3, '0');
    const last = i < active ? day : '2025-01-01';
    rows.push(`  - { account: u${n}@test.example, email: u${n}@test.example, tier: full, status: active, last_active: ${last} }`);
  }
  return `license: figma\nsource: csv\ntaken: ${taken}\naccounts:\n${rows.join('\n')}\n`;
}

/** The inventory of the renewal tests. */
export function renewalFiles(overrides: Record<string, string | null> = {}): Record<string, string> {
  return files({
    'inventory/org.yaml': ORG,
    'inventory/licenses/figma.yaml': FIGMA_LICENSE,
    'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT,
    'inventory/vendors/zoom.yaml': ZOOM.vendor,
    'inventory/licenses/zoom.yaml': ZOOM.license,
    'inventory/contracts/zoom-2026.yaml': ZOOM.contract,
    'inventory/assignments/zoom.yaml': ZOOM.seats,
    ...overrides,
  });
}
