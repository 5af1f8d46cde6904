// The in-process door for trusted callers (the CLI and the Electron shell), beside the contract
// that every transport serves: opening a library, and the few services a command line or a shell
// needs directly because they take paths the page may never name. Nothing here is reachable
// from the renderer or the bridge.
export {
  libraryExistsIn,
  openWorkbench,
  type OpenWorkbench,
  type WorkbenchOptions,
} from '../services/workbench';
export { LibraryDoor } from './door';
export { backupsOf, restoreLibrary, type BackupInfo } from '../services/library/backups';
export { importArchive } from '../services/library/archive';
export { headlessHost, type Host } from '../services/host';
export type { AppContext } from '../services/context';
export {
  parseImport,
  reasonOf,
  storeItem,
  type ImportRequest,
  type ParsedImport,
} from '../services/library/import-item';
export { listImportableFiles } from '../services/import/walk';
export { readImportFile, writeFileAtomically } from '../services/files';
export { decodeTextFile } from '../services/import/decode';
export { alignTexts, type AlignedTexts } from '../services/alignment-store';
export { printHtmlWithChromium } from '../services/export/pdf/chromium-pdf';
