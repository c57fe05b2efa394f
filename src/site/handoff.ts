// How the pages reach the Astro project: Astro renders in this process (src/site/astro.ts), so the data is handed
// over in memory under a key the build passes as a Vite define (two builds in one process do not share it),
// instead of being written to a file and parsed again: one copy of the pages, and no model beside them.
import type { RenderData } from './types.ts';

const REGISTRY = Symbol.for('lac.site.render-data');

function registry(): Map<string, RenderData> {
  const g = globalThis as { [REGISTRY]?: Map<string, RenderData> };
  return (g[REGISTRY] ??= new Map());
}

/** Makes the data available to the Astro project under key until the returned function is called. */
export function handOver(key: string, data: RenderData): () => void {
  registry().set(key, data);
  return () => registry().delete(key);
}

/** The data handed over under key (the Astro project calls it once per build). */
export function takeOver(key: string): RenderData {
  const data = registry().get(key);
  if (!data) throw new Error('no site data: build the site with `lac site build`, which computes the data and runs Astro');
  return data;
}
