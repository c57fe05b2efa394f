import type { UnknownPart } from '../analysis/money/unknown.ts';

/** An amount with an unknown part as the totals show it: "0.00 + unknown", or "unknown" when no part of it is known. */
export const withUnknown = (text: string, u: UnknownPart | undefined): string => (!u ? text : u.whole ? 'unknown' : `${text} + unknown`);

/** Why part of an amount is unknown, in a few words: the reasons, the first three of them named. */
export function unknownWhy(u: UnknownPart | undefined): string {
  if (!u) return '';
  const shown = u.reasons.slice(0, 3).join('; ');
  return u.reasons.length > 3 ? `${shown}; and ${u.reasons.length - 3} more` : shown;
}
