import type { SeenAppRow } from '../analysis/discovery/undeclared.ts';
import type { Inventory } from '../inventory/model.ts';
import { formatMoney, parseAmount } from '../util/money.ts';
import { mdCode, mdText } from '../util/escape/markdown.ts';

/** What the issue says about one undeclared app: usage, spend, and the three decisions. Only counts, never who. */
export function discoveryIssueBody(row: SeenAppRow, inv: Inventory): string {
  const { app } = row;
  const currency = inv.discovered.get(row.source)?.data.currency;
  const users = app.all_users ? 'everyone (an administrator consented for all users)' : String(app.users);
  const lines = [
    `**${mdText(app.name)}** is in use, and no vendor or license in the inventory declares it.`,
    '',
    '| | |',
    '|---|---|',
    `| Source | ${mdCode(row.source)} (${mdText(row.kind)}) |`,
    `| Users | ${users} |`,
    ...(app.domain ? [`| Domain | ${mdCode(app.domain)} |`] : []),
    ...(app.spend_90d !== undefined && currency ? [`| Spend, last 90 days | ${mdText(formatMoney(parseAmount(app.spend_90d), currency))}${app.recurring ? ' (recurring)' : ''} |`] : []),
    `| First seen | ${app.first_seen} |`,
    // Okta and Entra see an app on every run: their last day seen is the run's, which would edit the issue daily.
    ...(row.kind === 'google-workspace' || row.kind === 'expenses' ? [`| Last seen | ${app.last_seen} |`] : []),
    `| Snapshot | ${mdCode(row.loc.file)} |`,
    '',
    '### Decide',
    '',
    `- [ ] **Adopt** it into the inventory: add a vendor with ${mdCode('domains:')} or ${mdCode('aliases:')} that match it, a license, and a contract if it is paid.`,
    '- [ ] **Consolidate** it into an existing license: move its users to the product the organization already pays for, then declare it as an alias of that vendor or ignore it.',
    `- [ ] **Block** it: revoke its access (Okta, Google Admin, Entra, card policy), then add ${mdCode(`{ app: ${app.app}, reason: ... }`)} to ${mdCode('discovery.ignore')} in org.yaml.`,
    '',
    'This issue closes by itself once the app is declared or ignored.',
  ];
  return `${lines.join('\n')}\n`;
}
