// Reading TMX back with a real consumer: Debian's translate-toolkit (its TMX reader, and
// `pocount`, which counts the translated units of any format it knows).
import { execFileSync } from 'node:child_process';

/** A TMX file as translate-toolkit reads it: its units and the languages of their variants. */
export function readTmx(file: string): {
  units: { source: string; target: string }[];
  langs: string[];
} {
  const script = `
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
langs = sorted({n.get('{http://www.w3.org/XML/1998/namespace}lang') for u in store.units for n in u.getlanguageNodes()}, key=lambda l: l != 'ru')
print(json.dumps({'units': [{'source': u.source, 'target': u.target} for u in store.units], 'langs': langs}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

/** Translated strings of a file, as translate-toolkit's pocount counts them. */
export function pocountTranslated(file: string): number {
  const out = execFileSync('pocount', ['--csv', file], { encoding: 'utf8' });
  // Counted from the end (nine counts follow the file name, which may hold commas).
  const row = out.trim().split('\n').at(-1)!.split(',');
  return Number(row.at(-9));
}
