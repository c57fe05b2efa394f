import { locate, type Inventory, type Loc } from '../../inventory/model.ts';
import type { DiscoveredApp } from '../../inventory/schema/index.ts';
import { matchApp, matchCandidates, words, type AppMatch } from './match.ts';

export const DEFAULT_MIN_USERS = 3;

/** One app line of a discovery snapshot, with what it matched and whether it is ignored. */
export interface SeenAppRow {
  source: string;
  kind: string;
  app: DiscoveredApp;
  loc: Loc;
  match: AppMatch | undefined;
  /** The reason from org.yaml's discovery.ignore, when the app is ignored. */
  ignored: string | undefined;
  /** Enough users, consented for all, or recurring spend. */
  significant: boolean;
}

/** Every app line of every discovery snapshot, matched against the inventory; sorted by source, then app. */
export function discoveredApps(inv: Inventory): SeenAppRow[] {
  const discovery = inv.org?.data.discovery;
  const min = discovery?.min_users ?? DEFAULT_MIN_USERS;
  const ignore = (discovery?.ignore ?? []).map((i) => ({ key: words(i.app), reason: i.reason }));
  const candidates = matchCandidates(inv);
  const rows: SeenAppRow[] = [];
  for (const [source, { data, src }] of [...inv.discovered].sort(([a], [b]) => (a < b ? -1 : 1))) {
    data.apps.forEach((app, i) => {
      const ignored = ignore.find((g) => g.key === words(app.app) || g.key === words(app.name))?.reason;
      rows.push({
        source,
        kind: data.kind,
        app,
        loc: locate(src, ['apps', i]),
        match: matchApp(app, candidates),
        ignored,
        significant: app.users >= min || app.all_users === true || app.recurring === true,
      });
    });
  }
  return rows;
}

/** Whether an app is undeclared: significant, matched to no vendor or license, not ignored. */
export const isUndeclared = (r: SeenAppRow): boolean => r.significant && !r.match && r.ignored === undefined;

/** The apps the `undeclared-app` rule reports and discovery issues are opened for. */
export const undeclaredApps = (inv: Inventory): SeenAppRow[] => discoveredApps(inv).filter(isUndeclared);
