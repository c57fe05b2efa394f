import { readUnlessRefused } from '../inventory/source.ts';
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
    // An entry the loader refused (a link, a pipe, too large) is reported by check, not shown.
    const texts = await Promise.all(model.files.map((file) => readUnlessRefused(source, file)));
    sources = Object.fromEntries(model.files.flatMap((file, i) => (texts[i] ? [[file, decoder.decode(texts[i])]] : [])));
  }
  return { base: '/', model, ics, sources };
}
