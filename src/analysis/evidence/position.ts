import type { Position } from '../position.ts';
import { toDecimal } from '../../util/money.ts';
import type { PositionRow } from './types.ts';

/** Control (b): the position (src/analysis/position.ts) per vendor and tier, with the contract lines behind each entitlement. */
export function positionRows(p: Position): PositionRow[] {
  return p.lines.map((l) => ({
    vendor: l.vendor, license: l.license, tier: l.tier, entitled: l.entitled, deployed: l.deployed, balance: l.balance,
    trueUp: l.trueUp === null ? null : toDecimal(l.trueUp, p.currency),
    contracts: l.backing.map((b) => ({ contract: b.contract, file: b.source.file, line: b.source.line ?? null })),
  })).sort((a, b) => (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0));
}
