import { SOURCE_LINES, sourceRoute } from '../links.ts';
import { routes } from '../routes.ts';
import type { LazyPage, Page } from '../types.ts';
import type { Ctx } from './context.ts';

export function searchPage(): Page {
  return { route: routes.search, title: 'Search', nav: 'search', crumbs: [{ text: 'Overview', href: routes.overview }], sections: [{ type: 'search' }] };
}

/**
 * The site's own view of each inventory file with numbered lines, when findings cannot link to the repository's web
 * pages: SOURCE_LINES lines a page, each page made when it is rendered. Split into lines up front, a 100,000-person
 * organization's files are millions of strings, held through the whole render (issue 16).
 */
export function sourcePages(ctx: Ctx, sources: Record<string, string>): LazyPage[] {
  if (!ctx.links.local) return [];
  return Object.entries(sources).flatMap(([file, text]) => {
    const { starts, lines, end } = layout(text);
    return starts.map((at, k) => {
      const first = k * SOURCE_LINES + 1;
      // A part ends before the line break that ends its last line (\r\n or \n, as the lines are split).
      const next = starts[k + 1];
      const to = next === undefined ? end : text[next - 2] === '\r' ? next - 2 : next - 1;
      return { route: sourceRoute(file, first), make: () => sourcePage(ctx, { file, text, at, end: to, first, lines }) };
    });
  });
}

/**
 * Where each part of SOURCE_LINES lines starts in the text, how many lines it has, and where its last line ends (a
 * file ending in a line break has no empty line after it). Counted, not split: the lines are made when a part is.
 */
function layout(text: string): { starts: number[]; lines: number; end: number } {
  const end = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
  const starts = [0];
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) if (++lines % SOURCE_LINES === 1) starts.push(i + 1);
  return { starts, lines, end };
}

interface Part { file: string; text: string; at: number; end: number; first: number; lines: number }

function sourcePage(ctx: Ctx, p: Part): Page {
  const part = p.text.slice(p.at, p.end).split(/\r?\n/);
  const last = p.first + part.length - 1;
  const whole = p.lines <= SOURCE_LINES;
  const n = (x: number) => x.toLocaleString('en');
  const parts = Math.ceil(p.lines / SOURCE_LINES);
  return {
    route: sourceRoute(p.file, p.first), title: whole ? p.file : `${p.file}, lines ${n(p.first)}–${n(last)}`, nav: 'source',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Inventory files', href: routes.sources }],
    sections: [
      { type: 'text', text: `As of commit ${ctx.m.provenance.commit?.slice(0, 12) ?? '(working tree)'}.${whole ? '' : ` Lines ${n(p.first)} to ${n(last)} of ${n(p.lines)}.`}` },
      { type: 'code', file: p.file, lines: part, ...(p.first === 1 ? {} : { start: p.first }) },
      ...(whole ? [] : [{
        type: 'links' as const, title: `The file in ${parts} parts of ${n(SOURCE_LINES)} lines`,
        links: Array.from({ length: parts }, (_, k) => {
          const from = k * SOURCE_LINES + 1;
          return { text: `Lines ${n(from)}–${n(Math.min(from + SOURCE_LINES - 1, p.lines))}`, href: sourceRoute(p.file, from) };
        }),
      }]),
    ],
  };
}

/** The index of the inventory files the site shows (people.yaml, usage snapshots, the README...): without it some had no link to them. */
export function sourcesIndexPage(ctx: Ctx, sources: Record<string, string>): Page[] {
  if (!ctx.links.local) return [];
  const files = Object.keys(sources).sort();
  return [{
    route: routes.sources, title: 'Inventory files', nav: 'source', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', text: `The files under inventory/ as of commit ${ctx.m.provenance.commit?.slice(0, 12) ?? '(working tree)'}, each with numbered lines that findings and figures link to.` },
      { type: 'links', title: `${files.length} files`, links: files.map((f) => ({ text: f, href: sourceRoute(f) })) },
    ],
  }];
}
