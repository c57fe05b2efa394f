// Every environment variable lac reads for credentials or API addresses, as data: the usage
// connectors take their lists from here, and the redaction layer takes the secret ones.

/** Who reads a variable: a usage source id, `github` for the commands that write to GitHub (PRs, issues, comments, publish), or an import source (`lac import`). */
export type EnvReader = 'github-copilot' | 'github-enterprise' | 'okta' | 'google-workspace' | 'microsoft-365' | 'slack' | 'zoom' | 'github' | 'import-snipe-it' | 'import-glpi';

export interface EnvVariable {
  name: string;
  /** True for credentials: never printed, and redacted wherever they appear. */
  secret: boolean;
  readBy: EnvReader;
  /** Read only when another variable of the same reader is unset (e.g. GITHUB_TOKEN behind LAC_GITHUB_USAGE_TOKEN). */
  fallback?: true;
}

/** The variables of each usage source, in the order connectors read them. */
export const SOURCE_ENV = {
  'github-copilot': [
    { name: 'LAC_GITHUB_USAGE_TOKEN', secret: true },
    { name: 'GITHUB_TOKEN', secret: true, fallback: true },
    { name: 'GITHUB_API_URL', secret: false },
  ],
  'github-enterprise': [
    { name: 'LAC_GITHUB_USAGE_TOKEN', secret: true },
    { name: 'GITHUB_TOKEN', secret: true, fallback: true },
    { name: 'GITHUB_API_URL', secret: false },
  ],
  okta: [{ name: 'OKTA_API_TOKEN', secret: true }],
  'google-workspace': [{ name: 'GOOGLE_SERVICE_ACCOUNT_KEY', secret: true }],
  'microsoft-365': [
    { name: 'M365_TENANT_ID', secret: false },
    { name: 'M365_CLIENT_ID', secret: false },
    { name: 'M365_CLIENT_SECRET', secret: true },
  ],
  slack: [{ name: 'SLACK_TOKEN', secret: true }],
  zoom: [
    { name: 'ZOOM_ACCOUNT_ID', secret: false },
    { name: 'ZOOM_CLIENT_ID', secret: false },
    { name: 'ZOOM_CLIENT_SECRET', secret: true },
  ],
} as const satisfies Record<string, readonly Omit<EnvVariable, 'readBy'>[]>;

export type EnvSource = keyof typeof SOURCE_ENV;

/** What the GitHub-writing commands (pull --publish, reclaim, renewals, diff comments) read. */
const GITHUB_ENV: readonly Omit<EnvVariable, 'readBy'>[] = [
  { name: 'GITHUB_TOKEN', secret: true },
  { name: 'GITHUB_API_URL', secret: false },
  { name: 'GITHUB_REPOSITORY', secret: false },
];

/** What `lac import snipe-it` and `lac import glpi` read: an API token, and GLPI's application token beside the user's. */
export const IMPORT_ENV: readonly EnvVariable[] = [
  { name: 'SNIPEIT_API_TOKEN', secret: true, readBy: 'import-snipe-it' },
  { name: 'GLPI_APP_TOKEN', secret: true, readBy: 'import-glpi' },
  { name: 'GLPI_USER_TOKEN', secret: true, readBy: 'import-glpi' },
];

/** Every variable with its reader: one row per (variable, reader). The lead's workflow test reads this. */
export const ENVIRONMENT: readonly EnvVariable[] = [
  ...Object.entries(SOURCE_ENV).flatMap(([source, vars]) => vars.map((v) => ({ ...v, readBy: source as EnvReader }))),
  ...GITHUB_ENV.map((v) => ({ ...v, readBy: 'github' as const })),
  ...IMPORT_ENV,
];

/** The variable names a usage source reads, typed so `requireEnv` keeps them as keys. */
export function sourceEnv<S extends EnvSource>(source: S): (typeof SOURCE_ENV)[S][number]['name'][] {
  return SOURCE_ENV[source].map((v) => v.name);
}

/** Names of every secret variable lac reads. */
export const SECRET_NAMES: readonly string[] = [...new Set(ENVIRONMENT.filter((v) => v.secret).map((v) => v.name))].sort();

/** Pairs sent together as HTTP Basic `id:secret` (Zoom's token request), redacted as a pair too. */
export const BASIC_PAIRS: readonly (readonly [string, string])[] = [['ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET']];
