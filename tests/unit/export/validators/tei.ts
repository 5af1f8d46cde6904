// TEI validation for the tests: jing against the TEI P5 tei_all RelaxNG schema (a third-party
// validator), plus the check RelaxNG cannot make — that every "#id" pointer names an xml:id.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../support/context';

export const TEI_SCHEMA = path.resolve(ROOT, '../shared/validators/tei/tei_all.rng');

/** jing's complaints (empty when the document is valid). */
export function jingErrors(xml: string): string[] {
  const dir = tempDir('tei');
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('jing', [TEI_SCHEMA, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return [];
  } catch (error) {
    const out = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    // jing's own start-up warnings (missing optional Java libraries) are not about the document.
    const lines = out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('[warning]'));
    return lines.length > 0 ? lines : [(error as Error).message];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const POINTER_ATTRIBUTES = ['target', 'from', 'to', 'ref', 'ana', 'corresp', 'facs'];

/** Pointers ("#id") that name no xml:id in the document. */
export function danglingPointers(xml: string): string[] {
  const ids = new Set([...xml.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!));
  const missing: string[] = [];
  const pattern = new RegExp(`\\s(?:${POINTER_ATTRIBUTES.join('|')})="([^"]*)"`, 'g');
  for (const match of xml.matchAll(pattern)) {
    for (const pointer of match[1]!.split(/\s+/)) {
      if (pointer.startsWith('#') && !ids.has(pointer.slice(1))) missing.push(pointer);
    }
  }
  return missing;
}
