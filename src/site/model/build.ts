import { check } from '../../check/run.ts';
import { VERSION } from '../../cli/version.ts';
import { gitText } from '../../history/git.ts';
import { cacheFolder, history } from '../../history/history.ts';
import { attachApprovals } from '../../history/approvals.ts';
import { siteCommits, siteDiffs } from './commits.ts';
import { dayIn } from '../../history/time.ts';
import { gitSource } from '../../inventory/git-source.ts';
import { fsSource, type TreeSource } from '../../inventory/source.ts';
import { formatIcs } from '../../renewals/calendar.ts';
import { usageHistory } from '../../renewals/history.ts';
import { positionJson } from '../../report/position.ts';
import { licensePosition } from '../../analysis/position.ts';
import { renewalPolicy } from '../../analysis/policy.ts';
import { planRenewals } from '../../renewals/plan.ts';
import { realisedSavings } from '../../report/realised.ts';
import { addDays, isTimeZone, type IsoDate } from '../../util/dates.ts';
import { DEFAULT_MONTHS } from '../../analysis/forecast/index.ts';
import { offboarding } from '../../analysis/offboarding/index.ts';
import { evidencePacks, periodsWithHistory } from '../../report/evidence/run.ts';
import { discoveryView } from './discovery.ts';
import { currentHoldings, historyHoldings } from '../../analysis/period/holdings.ts';
import { tierHolders } from '../../analysis/period/occupancy.ts';
import { runForecast } from '../../report/forecast/run.ts';
import { forecastView } from '../../report/forecast/view.ts';
import { contractInfos, upcomingCancelBy } from './contracts.ts';
import { fiscalYearSpend, fiscalYearsShown } from './periods.ts';
import { chargeRows, licenseFigures } from './figures.ts';
import { dec, unknownInfo } from './money.ts';
import { personInfos, vendorInfos } from './people.ts';
import { repoFacts } from './repo.ts';
import { releaseFreedMemory } from '../heap.ts';
import { trace } from '../trace.ts';
import { snapshotCache } from './snapshot-cache.ts';
import { snapshotDates, snapshots } from './snapshots.ts';
import type { SiteModel } from './types.ts';

export interface ModelOptions {
  /** The license repository. */
  root: string;
  today?: IsoDate;
  env?: Record<string, string | undefined>;
  /** The build time (provenance); SOURCE_DATE_EPOCH in env overrides it for reproducible builds. */
  now?: Date;
  /** Where a failed GitHub lookup is reported (the build goes on, those approvals "not available"). */
  warn?: (message: string) => void;
}

export interface BuiltModel {
  model: SiteModel;
  /** Reads an inventory file at the commit the site is built from (for the source view). */
  source: TreeSource;
  /** The renewal calendar (`lac renewals` writes the same). */
  ics: string;
}

/** Everything the site shows, computed once: the inventory at HEAD, its findings, figures, history and point-in-time views. */
export async function buildModel(o: ModelOptions): Promise<BuiltModel> {
  const env = o.env ?? {};
  const facts = await repoFacts(o.root, env);
  // The site names a commit, so it reads that commit's files, not the working tree.
  const source = facts.commit ? gitSource(o.root, facts.commit) : fsSource(o.root);
  // git diffs the commit pages' commits on the other core meanwhile (a failure is reported where it is awaited).
  const diffs = facts.commit ? siteDiffs(o.root, facts.commit) : undefined;
  diffs?.catch(() => {});
  const result = await check(source, { today: o.today });
  trace('model: check');
  const { inventory: inv, today } = result;
  const org = inv.org?.data;
  const timeZone = org && isTimeZone(org.timezone) ? org.timezone : 'UTC';
  const fig = licenseFigures(inv, today);
  trace('model: figures');
  // Concurrent tiers are sized by their daily peaks across the usage history, as `lac renewals` sizes them.
  const concurrent = new Set([...inv.licenses.values()].filter((l) => l.data.type === 'concurrent').map((l) => l.data.id));
  const peaksHistory = facts.commit ? await usageHistory(o.root, addDays(today, -renewalPolicy(org).usage_window_days), timeZone, concurrent) : undefined;
  const renewals = planRenewals(inv, today, peaksHistory ? { history: peaksHistory } : {});
  trace('model: usage history, renewals');
  const contracts = contractInfos(inv, today, renewals);
  // A vendor's annual cost is the sum of its licenses' (the report's), so vendors add up to the total.
  const byVendor = new Map(fig.report.vendors.map((v) => [v.vendor, v.annualCost]));
  const epoch = env.SOURCE_DATE_EPOCH;
  const builtAt = (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : (o.now ?? new Date())).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let events: SiteModel['events'] = [];
  let commits: SiteModel['commits'] = {};
  let snaps: SiteModel['snapshots'] = [];
  let saved: Awaited<ReturnType<typeof realisedSavings>>;
  let firstDay: IsoDate | undefined;
  if (facts.commit) {
    const walked = await history(o.root, { ref: facts.commit, timeZone });
    events = walked.events;
    trace('model: history');
    // Who reviewed and approved each change: GitHub when a token is set, else the history cache, else "not available".
    await attachApprovals(o.root, events, walked.commits, { env, repoUrl: facts.repoUrl, ...(o.warn ? { warn: o.warn } : {}) });
    trace('model: approvals');
    commits = await siteCommits(walked.commits, diffs!);
    trace('model: commits');
    const first = await gitText(o.root, ['log', '--max-parents=0', '--format=%ct', facts.commit]);
    firstDay = dayIn(new Date(Math.min(...first.split('\n').map(Number)) * 1000), timeZone);
    const days = snapshotDates(today, org?.fiscal_year_start ?? '01-01', firstDay);
    snaps = await snapshots(o.root, facts.commit, days, timeZone, { commit: facts.commit, inventory: inv }, snapshotCache(await cacheFolder(o.root), VERSION));
    trace('model: snapshots');
    saved = await realisedSavings(o.root, inv, today);
    trace('model: realised savings');
  }
  const leavers = facts.commit ? offboarding(inv, events, today, timeZone) : null;
  trace('model: offboarding');
  const evidenceInput = facts.commit && leavers ? { root: o.root, head: facts.commit, inventory: inv, events, today, timeZone, offboarding: leavers } : null;
  const evidence = evidenceInput ? await evidencePacks(evidenceInput, periodsWithHistory(evidenceInput)) : null;
  trace('model: evidence');
  const holdings = facts.commit ? historyHoldings(inv, events, timeZone) : currentHoldings(inv);
  trace('model: holdings');
  const forecast = forecastView(await runForecast({ root: o.root, inventory: inv, holdings, ...(facts.commit ? { ref: facts.commit } : {}), today, months: DEFAULT_MONTHS, backtest: true }));
  trace('model: forecast');
  // The back-test's inventories of past commits are garbage now; the fiscal years' spend below grows the heap again.
  if (releaseFreedMemory()) trace('model: freed memory released');
  // The fiscal years (two or more) share who held which seat, charged to which rows: computed once for all.
  const holders = tierHolders(inv, holdings);
  const spend = fiscalYearsShown(today, org?.fiscal_year_start ?? '01-01', firstDay).map((y) => fiscalYearSpend(inv, y, holdings, holders));
  trace('model: spend');
  const model: SiteModel = {
    provenance: { commit: facts.commit, commitDate: facts.commitDate, dirty: facts.dirty, builtAt, version: VERSION, today, repoUrl: facts.repoUrl, prefix: facts.prefix },
    org: { name: org?.name ?? 'Unnamed organization', currency: org?.currency ?? 'EUR', timezone: timeZone, fiscalYearStart: org?.fiscal_year_start ?? '01-01' },
    licenses: fig.licenses,
    seats: fig.seats,
    contracts,
    upcoming: upcomingCancelBy(renewals, today),
    position: positionJson(licensePosition(inv, today), facts.commit ? { commit: facts.commit } : {}),
    vendors: vendorInfos(inv, new Map([...inv.vendors.keys()].map((k) => [k, { annualCost: dec(inv, byVendor.get(k)?.value ?? 0n), costUnknown: unknownInfo(byVendor.get(k)?.unknown) }]))),
    people: personInfos(inv, fig.seats, today),
    departments: (org?.departments ?? []).map((d) => ({ id: d.id, name: d.name, costCentre: d.cost_centre ?? null, head: d.head ?? null })),
    chargeback: { departments: chargeRows(inv, fig.report.departments), costCentres: chargeRows(inv, fig.report.costCentres), method: fig.report.allocation },
    savings: {
      since: saved?.since ?? null, seats: saved?.seats.value ?? 0, total: dec(inv, saved?.annual.value ?? 0n),
      items: (saved?.items ?? []).map((i) => ({ date: i.date, commit: i.commit, license: i.license, holder: i.holder, tier: i.tier, to: i.to ?? null, annual: dec(inv, i.annual.value) })),
    },
    spend,
    findings: result.findings,
    events,
    commits,
    offboarding: leavers,
    evidence,
    discovery: discoveryView(inv, today),
    snapshots: snaps,
    forecast,
    files: inv.files,
  };
  trace('model: position, vendors, people, discovery');
  return { model, source, ics: formatIcs(renewals, { orgName: model.org.name, timeZone }) };
}
