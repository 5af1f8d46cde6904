// Who translated and who contributed a record, as every importer reads them: from a field the
// file names ("Translated by", front matter `translator:`), else from the credits that close
// its source line ("… L. 92. Contributed and translated by Mark Kramer.").
import { creditsOf, type Credits } from '@shared/citation-parts';

export function creditsFor(
  source: string | null,
  given: { translator?: string | null; contributor?: string | null } = {},
): Credits {
  const read = creditsOf(source);
  return {
    translator: given.translator?.trim() || read.translator,
    contributor: given.contributor?.trim() || read.contributor,
  };
}
