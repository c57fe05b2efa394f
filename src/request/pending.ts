// The seats that earlier requests' open pull requests would add: counted against the free seats,
// so two requests for the last seat are not both told that one is free. Earlier (a lower issue
// number) goes first, so each request's answer does not change when a later one arrives.
import type { GitHubPort } from '../github/port.ts';
import { REQUEST_LABEL, requestKey, type RequestState } from './publish.ts';

/** Counts of pending seats by license and tier, from requests opened before `issue`. */
export async function pendingSeats(port: GitHubPort, issue: number): Promise<(license: string, tier: string) => number> {
  const counts = new Map<string, number>();
  for (const pr of await port.listIssuesByLabel(REQUEST_LABEL.name, 'open', 'pulls')) {
    const s = pr.hiddenState as Partial<RequestState> | undefined;
    if (typeof s?.issue !== 'number' || s.issue >= issue || pr.key !== requestKey(s.issue)) continue;
    const k = `${s.license}\0${s.tier}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return (license, tier) => counts.get(`${license}\0${tier}`) ?? 0;
}
