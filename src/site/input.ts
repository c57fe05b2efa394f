import { links } from './links.ts';
import { buildModel, type ModelOptions } from './model/build.ts';
import type { SiteInput } from './types.ts';

/** Everything the site is rendered from, for a license repository: the model, the calendar, and the files for the source view. */
export async function buildSiteInput(o: ModelOptions): Promise<SiteInput> {
  const { model, source, ics } = await buildModel(o);
  let sources: SiteInput['sources'] = null;
  if (links(model.provenance.repoUrl, model.provenance.commit).local) {
    // Findings and seats link to lines; without a repository web address the site shows the files itself.
    // Asked for together, the reads go to git in one batch.
    const decoder = new TextDecoder();
    const texts = await Promise.all(model.files.map((file) => source.read(file)));
    sources = Object.fromEntries(model.files.map((file, i) => [file, decoder.decode(texts[i])]));
  }
  return { base: '/', model, ics, sources };
}
