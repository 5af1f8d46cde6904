// TEI P5: one <TEI> per record (header, texts, stand-off); several records form a <teiCorpus>,
// every xml:id prefixed with the record's number so ids stay unique and pointers resolve.
import type { ExportBundle } from '../bundle';
import { facsimileTei } from './facsimile';
import { teiHeader } from './header';
import { StandOff } from './standoff';
import { bodyXml, teiIds } from './text';
import { el, textEl } from './xml';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

function teiDocument(bundle: ExportBundle, prefix: string, root: boolean): string {
  const ids = teiIds(prefix);
  const standOff = new StandOff(bundle, ids);
  const facsimile = facsimileTei(bundle, prefix);
  const body = bodyXml(
    bundle.record,
    ids,
    (side, index) => standOff.marksOf(side, index),
    facsimile.facsOf,
  );
  const content = [
    teiHeader(bundle, prefix),
    facsimile.xml,
    el('text', {}, `\n${el('body', {}, `\n${body}\n`)}\n`),
    standOff.xml(),
  ]
    .filter(Boolean)
    .join('\n');
  return el(
    'TEI',
    root ? { xmlns: TEI_NS, 'xml:lang': 'en' } : { 'xml:lang': 'en' },
    `\n${content}\n`,
  );
}

export function renderTei(bundles: ExportBundle[]): string {
  const first = bundles[0];
  if (!first) throw new RangeError('Nothing to export');
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (bundles.length === 1) return declaration + teiDocument(first, '', true) + '\n';
  const exported = first.exportedAt.toISOString();
  const header = el(
    'teiHeader',
    {},
    el(
      'fileDesc',
      {},
      el('titleStmt', {}, textEl('title', {}, `${bundles.length} records, with annotations`)) +
        el(
          'publicationStmt',
          {},
          textEl(
            'authority',
            {},
            `Exported with ${first.generator.name} ${first.generator.version}`,
          ) + textEl('date', { when: exported }, exported.slice(0, 10)),
        ) +
        el('sourceDesc', {}, textEl('p', {}, 'The records below, each with its own header.')),
    ),
  );
  const documents = bundles.map((b, i) => teiDocument(b, `r${i + 1}-`, false));
  return (
    declaration +
    el('teiCorpus', { xmlns: TEI_NS, 'xml:lang': 'en' }, `\n${header}\n${documents.join('\n')}\n`) +
    '\n'
  );
}
