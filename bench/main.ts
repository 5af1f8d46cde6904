// `npm run bench`: performance and quality figures, printed with their targets and ratios.
// Timings live here, never in tests.
import { benchAlignment } from './alignment';

const log = (line: string): void => console.log(line);

log(`Marginalia benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
log('');
await benchAlignment(log);
