// `npm run bench`: performance and quality figures, printed with their targets and ratios.
// Timings live here, never in tests. `npm run bench -- annotations library` runs only the
// benchmarks whose names are given.
import { benchAlignment } from './alignment';
import { benchAnnotations } from './annotations';
import { benchExport } from './export';
import { benchImport } from './import';
import { benchLibrary } from './library';
import { benchReader } from './reader';
import { benchScans } from './scans';

type Bench = (log: (line: string) => void) => Promise<void>;

const BENCHES: Record<string, Bench> = {
  alignment: benchAlignment,
  annotations: benchAnnotations,
  import: benchImport,
  reader: benchReader,
  library: benchLibrary,
  export: benchExport,
  scans: benchScans,
};

const log = (line: string): void => console.log(line);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`,
  );
  process.exit(2);
}

log(`Marginalia benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  log('');
  await bench(log);
}
