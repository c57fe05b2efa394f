import type { APIRoute } from 'astro';
import { data } from '../../data.ts';
import { downloads } from '../../../../src/site/downloads.ts';
import type { Download } from '../../../../src/site/types.ts';

export function getStaticPaths() {
  return downloads(data).map((d) => ({ params: { file: d.path }, props: { d } }));
}

export const GET: APIRoute = ({ props }) => {
  const { d } = props as { d: Download };
  return new Response(d.body, { headers: { 'Content-Type': d.contentType } });
};
