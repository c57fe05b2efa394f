import type { License, LicenseType } from '../inventory/schema/index.ts';

/** A product before it gets an owner and the org's details. */
export interface Product {
  id: string;
  name: string;
  vendor: string;
  vendorName: string;
  type: LicenseType;
  tiers: License['tiers'];
  usage?: License['usage'];
  /** Department id whose people hold most of its seats. */
  affinity?: string;
}

const tiers = (...pairs: [string, string][]): License['tiers'] => pairs.map(([id, name], i) => ({ id, name, rank: (pairs.length - i) * 10 }));

/** Company-wide products: nearly everyone holds a seat. */
export const CORE_PRODUCTS: readonly Product[] = [
  { id: 'google-workspace', name: 'Google Workspace', vendor: 'google', vendorName: 'Google LLC', type: 'subscription', tiers: tiers(['business-plus', 'Business Plus'], ['business-standard', 'Business Standard']), usage: { source: 'google-workspace', config: { customer: 'C01synth' } } },
  { id: 'slack', name: 'Slack Business+', vendor: 'slack', vendorName: 'Slack Technologies, LLC', type: 'named-user', tiers: tiers(['full', 'Full member'], ['guest', 'Multi-channel guest']), usage: { source: 'slack' } },
  { id: 'zoom', name: 'Zoom Workplace', vendor: 'zoom', vendorName: 'Zoom Video Communications, Inc.', type: 'named-user', tiers: tiers(['pro', 'Pro'], ['basic', 'Basic']), usage: { source: 'zoom' } },
  { id: 'okta', name: 'Okta Workforce Identity', vendor: 'okta', vendorName: 'Okta, Inc.', type: 'subscription', tiers: tiers(['sso-mfa', 'SSO + Adaptive MFA']), usage: { source: 'okta', config: { domain: 'synth.okta.example' } } },
  { id: 'microsoft-365', name: 'Microsoft 365', vendor: 'microsoft', vendorName: 'Microsoft Corporation', type: 'subscription', tiers: tiers(['e5', 'Microsoft 365 E5'], ['e3', 'Microsoft 365 E3']), usage: { source: 'microsoft-365', tiers: { SPE_E5: 'e5', SPE_E3: 'e3' } } },
  { id: '1password', name: '1Password Business', vendor: 'agilebits', vendorName: 'AgileBits Inc.', type: 'subscription', tiers: tiers(['business', 'Business'])},
];

/** Well-known products at the head of the long tail (engineering tools). */
export const KNOWN_TAIL: readonly Product[] = [
  { id: 'github-enterprise', name: 'GitHub Enterprise Cloud', vendor: 'github', vendorName: 'GitHub, Inc.', type: 'named-user', tiers: tiers(['enterprise', 'Enterprise']), usage: { source: 'github-enterprise', config: { enterprise: 'synth' } }, affinity: 'engineering' },
  { id: 'github-copilot', name: 'GitHub Copilot Business', vendor: 'github', vendorName: 'GitHub, Inc.', type: 'named-user', tiers: tiers(['business', 'Copilot Business']), usage: { source: 'github-copilot', config: { org: 'synth' } }, affinity: 'engineering' },
];

/** Tier sets for seat-based products, with the cheapest last. */
export const TIER_SETS: readonly License['tiers'][] = [
  tiers(['full', 'Full seat'], ['viewer', 'Viewer']),
  tiers(['standard', 'Standard']),
  tiers(['pro', 'Pro'], ['basic', 'Basic']),
  tiers(['admin', 'Admin'], ['editor', 'Editor'], ['viewer', 'Viewer']),
  tiers(['enterprise', 'Enterprise'], ['team', 'Team']),
  tiers(['full', 'Full user'], ['light', 'Light user'], ['read-only', 'Read-only']),
];

export const TYPE_TIERS: Partial<Record<LicenseType, License['tiers']>> = {
  device: tiers(['workstation', 'Workstation'], ['server', 'Server']),
  concurrent: tiers(['floating', 'Floating seat']),
  perpetual: tiers(['perpetual', 'Perpetual seat']),
  site: tiers(['site', 'Site license']),
  'usage-based': tiers(['metered', 'Metered user']),
};

/** The first tail licenses cover every type once; the rest are drawn by these weights. */
export const TYPE_ORDER: readonly LicenseType[] = ['named-user', 'subscription', 'device', 'concurrent', 'perpetual', 'site', 'usage-based'];
export const TYPE_WEIGHTS: readonly number[] = [30, 40, 6, 6, 6, 5, 7];

export const TAGS = ['design', 'engineering', 'security', 'sales', 'finance', 'collaboration', 'analytics', 'it', 'marketing', 'support'] as const;
