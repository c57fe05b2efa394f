/** Escapes text for SVG and HTML content and attribute values. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rounds a coordinate to one decimal: smaller files, the same bytes on every run. */
export const r = (n: number): string => String(Math.round(n * 10) / 10);

/** The opening tag of every chart: an image with an accessible name (the data is also in a table). */
export const svgOpen = (w: number, h: number, label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${esc(label)}" class="chart" preserveAspectRatio="xMinYMin meet">`;

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by dash pattern as well. */
export const SERIES = [
  { color: '#1f5fa8', dash: '' },
  { color: '#b4530a', dash: '6 3' },
  { color: '#2b7a3d', dash: '2 3' },
  { color: '#7a3b8f', dash: '10 3 2 3' },
] as const;
