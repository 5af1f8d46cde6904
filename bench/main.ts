// `npm run bench`: performance and quality figures, printed with their targets and ratios.
// Timings live here, never in tests.
import { benchAlignment } from './alignment';
import { benchAnnotations } from './annotations';
import { benchExport } from './export';
import { benchImport } from './import';
import { benchLibrary } from './library';
import { benchReader } from './reader';

const log = (line: string): void => console.log(line);

log(`Marginalia benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
log('');
await benchAlignment(log);
log('');
await benchAnnotations(log);
log('');
await benchImport(log);
log('');
await benchReader(log);
log('');
await benchLibrary(log);
log('');
await benchExport(log);
