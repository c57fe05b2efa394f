/** A secret (or variable) a license repository's workflows pass to lac, as its README explains it. */
export interface SecretDoc {
  name: string;
  /** The workflows that pass it, e.g. "usage, people". */
  workflow: string;
  /** What lac uses it for and the access it needs (the token's scopes). */
  use: string;
}

/**
 * The secrets the generated README documents. A test keeps this list, the workflows' `secrets.*`
 * and the environment variables the usage sources read the same set.
 */
export const SECRET_DOCS: SecretDoc[] = [
  { name: 'LAC_GITHUB_USAGE_TOKEN', workflow: 'usage', use: 'GitHub Copilot seats and GitHub Enterprise licenses (`github-copilot`, `github-enterprise` sources). The workflow token cannot read org billing: a classic token with `manage_billing:copilot` (or `read:org`) for Copilot, and `read:enterprise` as an enterprise owner for Enterprise; or a fine-grained token with the organization permission "GitHub Copilot Business: read".' },
  { name: 'OKTA_API_TOKEN', workflow: 'usage, people, discover', use: 'Okta (`okta` usage and directory source): an API token of an admin with read-only access to users and apps (`Authorization: SSWS`).' },
  { name: 'GOOGLE_SERVICE_ACCOUNT_KEY', workflow: 'usage, people, discover', use: 'Google Workspace (`google-workspace` source): the JSON key of a service account with domain-wide delegation for `https://www.googleapis.com/auth/admin.reports.usage.readonly` and `https://www.googleapis.com/auth/apps.licensing` (and `https://www.googleapis.com/auth/admin.directory.user.readonly` for the directory source, `https://www.googleapis.com/auth/admin.reports.audit.readonly` for discovery); `config.subject` names the admin it acts as.' },
  { name: 'M365_TENANT_ID', workflow: 'usage, people, discover', use: 'Microsoft 365 (`microsoft-365` source): the Entra ID tenant of the app registration.' },
  { name: 'M365_CLIENT_ID', workflow: 'usage, people, discover', use: 'Microsoft 365: the app registration (client) ID; application permissions `Reports.Read.All`, `Organization.Read.All`, `User.Read.All` and `AuditLog.Read.All`, admin-consented (the Entra ID directory source needs `User.Read.All`; discovery `Application.Read.All` and `DelegatedPermissionGrant.Read.All`).' },
  { name: 'M365_CLIENT_SECRET', workflow: 'usage, people, discover', use: 'Microsoft 365: a client secret of that app registration.' },
  { name: 'SLACK_TOKEN', workflow: 'usage', use: 'Slack (`slack` source): a user token with `admin` scope (for `team.billableInfo`) and `users:read`, `users:read.email`.' },
  { name: 'ZOOM_ACCOUNT_ID', workflow: 'usage', use: 'Zoom (`zoom` source): a Server-to-Server OAuth app\'s account ID; scopes `user:read:list_users:admin` (or `user:read:admin`).' },
  { name: 'ZOOM_CLIENT_ID', workflow: 'usage', use: 'Zoom: that app\'s client ID.' },
  { name: 'ZOOM_CLIENT_SECRET', workflow: 'usage', use: 'Zoom: that app\'s client secret.' },
];
