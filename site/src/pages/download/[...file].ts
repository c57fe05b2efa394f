import type { APIRoute } from 'astro';
import { data } from '../../data.ts';
import { downloads, type DownloadFile } from '../../../../dist/site/downloads.js';

export function getStaticPaths() {
  return downloads(data).map((d) => ({ params: { file: d.path }, props: { d } }));
}

export const GET: APIRoute = ({ props }) => {
  const { d } = props as { d: DownloadFile };
  return new Response(d.body(), { headers: { 'Content-Type': d.contentType } });
};
