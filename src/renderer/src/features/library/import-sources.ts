// Where the files of an import come from in the page: a file input (files, or a folder with
// webkitdirectory), a drop of files and folders, or — in the desktop app — tokens for files the
// native dialog granted. The page never sees a path; only names relative to what was chosen.
import type { GrantedFile } from '@shared/api/contract';
import { fileTooLargeMessage } from '@shared/api/limits';
import { isImportableName } from '@shared/import/extensions';

export type ImportSource =
  | { kind: 'file'; name: string; file: File }
  | { kind: 'granted'; name: string; token: string; size: number };

/** Whether Marginalia imports a file of this name; a dropped folder's other files are passed over. */
export function isImportable(name: string): boolean {
  return isImportableName(name);
}

/** Files from an input; a folder's files (which come in no order) are sorted by their paths. */
export function fromFiles(files: File[], folder = false): ImportSource[] {
  const sources: ImportSource[] = files
    .filter((file) => !folder || (isImportable(file.name) && !hiddenPath(file.webkitRelativePath)))
    .map((file) => ({ kind: 'file', name: file.webkitRelativePath || file.name, file }));
  return folder ? sources.sort((a, b) => a.name.localeCompare(b.name)) : sources;
}

export function fromGranted(files: GrantedFile[]): ImportSource[] {
  return files.map((f) => ({ kind: 'granted', name: f.name, token: f.token, size: f.size }));
}

function hiddenPath(relative: string): boolean {
  return relative.split('/').some((part) => part.startsWith('.'));
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** The API's form of a source; reads a file's bytes only now, one file at a time. */
export async function sourceInput(
  source: ImportSource,
): Promise<{ name: string; base64: string } | { token: string }> {
  if (source.kind === 'granted') return { token: source.token };
  return { name: source.file.name, base64: toBase64(await source.file.arrayBuffer()) };
}

/** A reason to refuse a source before sending it: over the size limit. */
export function sizeProblem(source: ImportSource): string | null {
  return fileTooLargeMessage(source.kind === 'file' ? source.file.size : source.size);
}

/** Reads every file of a drop, descending into dropped folders; names keep their folders. */
export async function fromDrop(data: DataTransfer): Promise<ImportSource[]> {
  const entries = [...data.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return fromFiles([...data.files]);
  const sources: ImportSource[] = [];
  for (const entry of entries)
    await collect(entry, '', sources, entries.length > 1 || entry.isDirectory);
  return sources;
}

async function collect(
  entry: FileSystemEntry,
  parent: string,
  out: ImportSource[],
  filterByType: boolean,
): Promise<void> {
  const name = parent ? `${parent}/${entry.name}` : entry.name;
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    if (filterByType && parent !== '' && !isImportable(entry.name)) return;
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ kind: 'file', name, file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in batches; an empty batch ends it.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch.sort((a, b) => a.name.localeCompare(b.name))) {
      await collect(child, name, out, true);
    }
  }
}
