import type { SeatAction } from './plan.ts';

const SYMBOL: Record<SeatAction['kind'], string> = { add: '+', move: '~', drop: '-', remove: '-' };

/** One seat change in words: "remove figma viewer for bob (Bob Byte) on 2026-03-05: left on 2026-03-05". */
export function actionText(a: SeatAction): string {
  const tier = a.kind === 'move' ? `${a.tier} -> ${a.to}` : a.tier;
  const approval = a.approval === 'owner-review' ? ', owner review' : '';
  return `${a.kind} ${a.license} ${tier} for ${a.person} (${a.name}) on ${a.effective}: ${a.why}${approval}${a.unfunded ? ' (no free seat: waits for a purchase)' : ''}`;
}

/** The same, after a +, ~ or - for the terminal. */
export const actionLine = (a: SeatAction): string => `${SYMBOL[a.kind]} ${actionText(a)}`;
