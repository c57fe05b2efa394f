/** Edit distance between two short strings, a swap of neighbours counting as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate to a misspelt name, if one is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` or nothing. */
export const suggestion = (input: string, candidates: Iterable<string>): string => {
  const s = didYouMean(input, candidates);
  return s ? `; did you mean "${s}"?` : '';
};

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789._-@';

function histogram(s: string): Uint8Array {
  const h = new Uint8Array(ALPHABET.length + 1);
  for (const ch of s) {
    const found = ALPHABET.indexOf(ch);
    const i = found === -1 ? ALPHABET.length : found;
    if (h[i]! < 255) h[i]!++;
  }
  return h;
}

/**
 * `suggestion` for many lookups against one large candidate list (100,000 people): candidates are
 * lowercased and counted once, most are ruled out by their letter counts (one edit changes the
 * counts by at most two), and each input is answered once.
 */
export function createSuggester(candidates: Iterable<string>): (input: string) => string {
  const list = [...candidates];
  const lower = list.map((c) => c.toLowerCase());
  const hists = lower.map(histogram);
  const memo = new Map<string, string>();
  return (input) => {
    const known = memo.get(input);
    if (known !== undefined) return known;
    const q = input.toLowerCase();
    const limit = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
    const hq = histogram(q);
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (let i = 0; i < list.length; i++) {
      const c = lower[i]!;
      if (Math.abs(c.length - q.length) >= bestDistance) continue;
      const h = hists[i]!;
      // d edits change the letter counts by at most 2d: a candidate further off cannot beat the best.
      const bound = 2 * (bestDistance - 1);
      let diff = 0;
      for (let k = 0; k < h.length && diff <= bound; k++) diff += Math.abs(h[k]! - hq[k]!);
      if (diff > bound) continue;
      const d = c === q ? 0 : editDistance(q, c, bestDistance);
      if (d < bestDistance) {
        best = list[i];
        bestDistance = d;
      }
    }
    const text = best ? `; did you mean "${best}"?` : '';
    memo.set(input, text);
    return text;
  };
}
