import { describe, expect, it } from 'vitest';
import { matchApp, matchCandidates } from '../../src/analysis/discovery/match.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { files } from '../support/inventory.ts';

async function index() {
  const { inventory } = await loadInventory(memorySource(files({
    'inventory/vendors/box.yaml': 'id: box\nname: Box, Inc.\ndomains: [box.com]\n',
    'inventory/vendors/zoom.yaml': 'id: zoom\nname: Zoom Video Communications\ndomains: [zoom.us]\naliases: [ZOOM.US, Zoom Video]\n',
    'inventory/vendors/figma.yaml': 'id: figma\nname: Figma, Inc.\naliases: [FIGMA INC]\n',
    'inventory/licenses/miro.yaml': 'id: miro\nname: Miro Business\nvendor: box\ntype: subscription\ntiers:\n  - { id: a, name: A }\n',
  })));
  return matchCandidates(inventory);
}

describe('matching apps to declared vendors and licenses', () => {
  it('matches a vendor domain and its subdomains, never a longer name that ends like it', async () => {
    const i = await index();
    expect(matchApp({ name: 'Anything', domain: 'app.box.com' }, i)).toEqual({ vendor: 'box', by: 'domain' });
    expect(matchApp({ name: 'Anything', domain: 'dropbox.com' }, i)).toBeUndefined();
  });

  it('matches aliases and names as whole words, case and punctuation aside; an alias before a name', async () => {
    const i = await index();
    expect(matchApp({ name: 'ZOOM.US 888-799-9666' }, i)).toEqual({ vendor: 'zoom', by: 'alias' });
    expect(matchApp({ name: 'sq *figma inc' }, i)).toEqual({ vendor: 'figma', by: 'alias' });
    expect(matchApp({ name: 'Figma' }, i)).toEqual({ vendor: 'figma', by: 'name' });
    expect(matchApp({ name: 'Miro Business' }, i)).toEqual({ vendor: 'box', license: 'miro', by: 'name' });
    expect(matchApp({ name: 'Dropbox' }, i)).toBeUndefined();
    expect(matchApp({ name: 'Zoominfo' }, i)).toBeUndefined();
  });
});
