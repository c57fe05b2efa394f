// The search page's few lines of client script: read ?q=, match it against the prebuilt index.
interface Entry { t: string; k: string; u: string; s: string }

export async function runSearch(base: string): Promise<void> {
  const root = base.replace(/\/$/, '');
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const input = document.getElementById('q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  input.value = q;
  if (!q) return;
  const index = (await (await fetch(`${root}/download/search.json`)).json()) as Entry[];
  const words = q.toLowerCase().split(/\s+/);
  const hits = index.filter((e) => words.every((w) => e.s.includes(w))).slice(0, 100);
  status.textContent = hits.length ? `${hits.length} found for “${q}”` : `Nothing found for “${q}”`;
  list.replaceChildren(...hits.map((h) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = root + h.u;
    a.textContent = h.t;
    li.append(a, ` (${h.k})`);
    return li;
  }));
}
