// The kind of each page, the `kind` filter and label of the site's full-text search.
import { describe, expect, test } from 'vitest';
import { routes } from '../../src/site/routes.ts';
import { pageKind } from '../../src/site/search.ts';

describe('pageKind', () => {
  test('record pages by their route; lists and other pages are overviews', () => {
    const cases: [string, string][] = [
      [routes.license('figma'), 'license'], [routes.contract('figma-2026'), 'contract'], [routes.vendor('figma'), 'vendor'],
      [routes.person('ada'), 'person'], [routes.commit('0123abc'), 'commit'], [routes.audit('seat', 2), 'audit trail'], [routes.audit(), 'audit trail'],
      [routes.compliance, 'findings'], [routes.offboarding, 'findings'], ['/source/inventory/org.yaml/', 'source file'],
      [routes.at('2026-03-31'), 'point in time'], [routes.spendMonth(2026, '2026-07'), 'spend'], [routes.renewals, 'renewals'],
      [routes.licenses, 'overview'], [routes.contracts, 'overview'], [routes.people, 'overview'], [routes.overview, 'overview'],
    ];
    expect(cases.map(([route]) => [route, pageKind(route)])).toEqual(cases);
  });
});
