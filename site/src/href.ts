import { data } from './data.ts';

// The base comes with the data, not from import.meta.env.BASE_URL: a BASE_URL in the process
// environment (vitest sets one) would override the configured base there.
const root = data.base.replace(/\/$/, '');

/** A site route ("/licenses/figma/") under the base path; absolute URLs and in-page anchors unchanged. */
export function href(route: string): string {
  if (!route.startsWith('/')) return route;
  return root + route;
}

export const isExternal = (route: string) => /^[a-z]+:/i.test(route);
