/** The git trailer that marks a reclaim commit: `Lac-Reclaim: <license>`. `lac report` counts savings by it. */
export const RECLAIM_TRAILER = 'Lac-Reclaim';
