// The repository most `lac diff` tests start from.
import { ADA, tempRepo, type TestRepo } from './git.ts';
import { CONTRACT, files, SEATS } from './inventory.ts';

/** A repository whose main holds the fixture inventory, and a working tree with a change on top (branch `change`); pushed to `repos` for cleanup. */
export function repoWithChange(repos: TestRepo[]): TestRepo {
  const repo = tempRepo();
  repos.push(repo);
  repo.commit(files(), { message: 'Inventory', date: '2026-01-10T09:00:00Z', author: ADA });
  repo.git(['checkout', '-q', '-b', 'change']);
  repo.write({
    'inventory/assignments/figma.yaml': SEATS.replace('{ person: bob, tier: viewer', '{ person: bob, tier: full') + '  - { person: cy, tier: full, since: 2026-02-01 }\n',
    'inventory/contracts/figma-2026.yaml': CONTRACT.replace('quantity: 2,', 'quantity: 3,'),
  });
  return repo;
}

/** repoWithChange with the change committed on branch `change`. */
export function committedChange(repos: TestRepo[]): TestRepo {
  const repo = repoWithChange(repos);
  repo.commit({}, { message: 'Seat changes', date: '2026-02-01T09:00:00Z', author: ADA });
  return repo;
}
