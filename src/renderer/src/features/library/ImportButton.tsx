import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { DuplicatePolicy } from '@shared/api/contract';
import { IMPORT_ACCEPT, IMPORT_KINDS_TEXT } from '@shared/import/extensions';
import { api, errorMessage, isDesktop } from '../../api/client';
import { useAppState } from '../../app-state';
import { ImportDialog } from './ImportDialog';
import { ImportProgress } from './ImportProgress';
import { fromDrop, fromFiles, fromGranted, type ImportSource } from './import-sources';
import { planSources, useImportBatch, type BatchItem, type BatchState } from './use-import-batch';
import '../../styles/import.css';

const POLICY_KEY = 'marginalia.import.duplicates';

function savedPolicy(): DuplicatePolicy {
  const saved = window.localStorage.getItem(POLICY_KEY);
  return saved === 'replace' || saved === 'keep-both' ? saved : 'skip';
}

function isEditable(target: EventTarget | null): boolean {
  return !!(target as HTMLElement | null)?.closest(
    'input, textarea, select, [contenteditable="true"]',
  );
}

/**
 * Imports records: the Import dialog (files, a folder, or an original with its translation),
 * a drop of files and folders anywhere on the window, and the progress and report of the batch.
 * In the desktop app the native dialog picks files and folders; the page gets only tokens.
 */
export function ImportButton({ onImported }: { onImported(ids: string[]): void }): JSX.Element {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [policy, setPolicy] = useState<DuplicatePolicy>(savedPolicy);
  const [dragging, setDragging] = useState(false);
  const { notify, changed, done } = useAppState();

  const finished = useCallback(
    (state: BatchState): void => {
      summarise(state, notify);
      const added = state.outcomes.flatMap((o) => (o.status === 'imported' ? [o.record.id] : []));
      if (added.length > 0) {
        // Ctrl+Z takes new records back out (to the trash, notes and all); a replace is final.
        done({
          label: added.length === 1 ? 'import of one record' : `import of ${added.length} records`,
          undo: async () => void (await api.call('library.trashRecords', { ids: added })),
          redo: async () => void (await api.call('library.restoreRecords', { ids: added })),
        });
      } else {
        changed();
      }
      const opened = state.outcomes.flatMap((o) =>
        o.status === 'imported' || o.status === 'replaced' ? [o.record.id] : [],
      );
      const skipped = state.outcomes.find((o) => o.status === 'skipped');
      if (opened.length === 0 && skipped?.status === 'skipped') opened.push(skipped.existingId);
      if (opened.length > 0) onImported(opened);
    },
    [notify, changed, done, onImported],
  );
  const { batch, run, cancel, clear } = useImportBatch(finished);
  // A one-file import needs no report: its notice says it all.
  useEffect(() => {
    if (batch && !batch.running && batch.total === 1 && batch.notImported.length === 0) clear();
  }, [batch, clear]);

  const start = useCallback(
    (items: BatchItem[]): void => {
      setDialogOpen(false);
      if (items.length === 0) {
        notify({
          kind: 'error',
          text: `There was nothing to import: no ${IMPORT_KINDS_TEXT} files.`,
        });
        return;
      }
      void run(items, policy);
    },
    [run, policy, notify],
  );
  const startSources = useCallback(
    (sources: ImportSource[]) => start(planSources(sources)),
    [start],
  );

  const choose = async (kind: 'files' | 'folder'): Promise<void> => {
    if (!isDesktop()) {
      (kind === 'files' ? filesInput : folderInput).current?.click();
      return;
    }
    try {
      const picked = await api.call('import.pick', { kind });
      if (!picked) return;
      if (picked.ignored.length > 0) {
        notify({
          kind: 'info',
          text: `${picked.ignored.length} other ${picked.ignored.length === 1 ? 'file was' : 'files were'} passed over (not records).`,
        });
      }
      startSources(fromGranted(picked.files));
    } catch (error) {
      notify({ kind: 'error', text: `Import failed: ${errorMessage(error)}` });
    }
  };

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // Ctrl+O opens the Import dialog.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'o') return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      setDialogOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Files and folders dropped anywhere on the window are imported.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean => !!event.dataTransfer?.types.includes('Files');
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      fromDrop(event.dataTransfer!)
        .then(startSources)
        .catch((error: unknown) =>
          notify({
            kind: 'error',
            text: `The dropped files could not be read: ${errorMessage(error)}`,
          }),
        );
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [startSources, notify]);

  const busy = batch?.running ?? false;
  const accept = `${IMPORT_ACCEPT},text/plain,text/markdown,text/html,application/pdf,image/png,image/jpeg,image/tiff`;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button primary"
        onClick={() => setDialogOpen(true)}
        disabled={busy}
        aria-busy={busy}
        aria-keyshortcuts="Control+O"
        title="Import records (Ctrl+O)"
      >
        {busy ? 'Importing…' : 'Import…'}
      </button>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={accept}
        aria-label="Import record files"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          startSources(fromFiles([...(e.target.files ?? [])]));
          e.target.value = '';
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        aria-label="Import a folder of records"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          startSources(fromFiles([...(e.target.files ?? [])], true));
          e.target.value = '';
        }}
      />
      {dialogOpen && (
        <ImportDialog
          policy={policy}
          onPolicy={(next) => {
            setPolicy(next);
            window.localStorage.setItem(POLICY_KEY, next);
          }}
          onChooseFiles={() => void choose('files')}
          onChooseFolder={() => void choose('folder')}
          onImportPair={(item) => start([item])}
          onClose={() => {
            setDialogOpen(false);
            // Back to where the dialog was opened from, for keyboard users.
            button.current?.focus();
          }}
        />
      )}
      {batch && (
        <ImportProgress
          batch={batch}
          onCancel={cancel}
          onClose={clear}
          onOpen={(id) => onImported([id])}
        />
      )}
      {dragging && (
        <div className="import-drop" aria-hidden="true">
          <p>Drop files or folders to import them</p>
        </div>
      )}
    </>
  );
}

/** One notice for the news and one for the failures, as every import ends. */
function summarise(state: BatchState, notify: ReturnType<typeof useAppState>['notify']): void {
  const titles = (status: 'imported' | 'replaced'): string[] =>
    state.outcomes.flatMap((o) => (o.status === status ? [`“${o.record.title}”`] : []));
  const imported = titles('imported');
  const replaced = titles('replaced');
  const skipped = state.outcomes.filter((o) => o.status === 'skipped');
  const errors = state.outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
  const parts = [
    imported.length > 0 &&
      `Imported ${imported.length === 1 ? imported[0] : `${imported.length} records`}.`,
    replaced.length > 0 &&
      `Replaced ${replaced.length === 1 ? replaced[0] : `${replaced.length} records`}, keeping their notes.`,
    skipped.length > 0 &&
      `${skipped.length === 1 ? 'One file was' : `${skipped.length} files were`} already in the library.`,
    state.notImported.length > 0 && `Import cancelled: ${state.notImported.length} not imported.`,
  ].filter(Boolean);
  if (parts.length > 0) notify({ kind: 'info', text: parts.join(' ') });
  if (errors.length > 0) {
    notify({
      kind: 'error',
      text:
        errors.length === 1
          ? `Could not import ${errors[0]!.file}: ${errors[0]!.reason}`
          : `${errors.length} files could not be imported; nothing from them was saved.`,
      details: errors.length === 1 ? undefined : errors.map((e) => `${e.file}: ${e.reason}`),
    });
  }
}
