// The Workbench API: one table of method names, each with the schema its input must satisfy and
// the type of what it returns. The router validates every call against this table, whichever
// transport delivered it (Electron IPC, the loopback HTTP bridge, the CLI). Each feature keeps
// its methods in its own module under ./methods.
import type { z } from 'zod';
import { alignmentMethods } from './methods/alignment';
import { annotationMethods } from './methods/annotations';
import { appMethods } from './methods/app';
import { backupMethods } from './methods/backups';
import { draftMethods } from './methods/drafts';
import { exportMethods } from './methods/export';
import { importMethods } from './methods/import';
import { interopMethods } from './methods/interop';
import { libraryMethods } from './methods/library';
import { notebookMethods } from './methods/notebook';
import { recordMethods } from './methods/records';
import { searchMethods } from './methods/search';

export { LIMITS } from './limits';
export type { AppInfo } from './methods/app';
export type { BackupKind, BackupSummary, RestoredBackup } from './methods/backups';
export type {
  DuplicatePolicy,
  GrantedFile,
  ImportEvent,
  ImportItemInput,
  ImportOutcome,
  PickedFiles,
} from './methods/import';
export type { ExportedFile, ExportJobStatus } from './methods/export';
export type { AnnotationImportReport, ImportedRecordReport } from './methods/interop';
export type { AlignedTextsOutput } from './methods/alignment';

export const contract = {
  ...appMethods,
  ...recordMethods,
  ...importMethods,
  ...annotationMethods,
  ...draftMethods,
  ...notebookMethods,
  ...exportMethods,
  ...interopMethods,
  ...alignmentMethods,
  ...searchMethods,
  ...libraryMethods,
  ...backupMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed client every caller (renderer, CLI, tests) uses. */
export interface WorkbenchApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}
