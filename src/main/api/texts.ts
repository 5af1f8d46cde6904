// The in-process door for commands that open no library (`marginalia align`): aligning two texts,
// reading the user's files and writing a translation memory. Kept apart from local.ts, which
// opens libraries, so that these commands load neither the database nor the API's schemas.
export { alignTexts, type AlignedTexts } from '../services/alignment-store/align-texts';
export { decodeTextFile } from '../services/import/decode';
export { readImportFile } from '../services/files';
export { renderTmx } from '../services/export/tmx';
