import { useCallback, useEffect, useState, type JSX } from 'react';
import type { RecordSummary } from '@shared/model';
import { api, errorMessage, LIBRARY_DAMAGED_EVENT } from './api/client';
import { AppStateProvider, useAppState } from './app-state';
import { Notices } from './components/Notices';
import { takeRestoredNotice } from './features/backups/BackupList';
import { DamagedLibrary } from './features/backups/DamagedLibrary';
import { ExportActions } from './features/export/ExportActions';
import { CatalogueView } from './features/library/CatalogueView';
import { ImportButton } from './features/library/ImportButton';
import { LibraryList } from './features/library/LibraryList';
import { ViewSwitch } from './features/library/ViewSwitch';
import { RecordView } from './features/reader/RecordView';
import { parseRoute } from './features/search/route';
import { SearchBox } from './features/search/SearchBox';
import { SearchProvider, useSearch } from './features/search/search-state';
import { SearchResultsView } from './features/search/SearchResultsView';

/** The open record lives in the address (#/record/ID), so a reload returns to it. */
function recordIdFromHash(): string | null {
  const match = /^#\/record\/([^/?#]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

/**
 * Whether the key goes to a field with its own text undo. A select or a checkbox has none: there
 * Ctrl+Z undoes the library's last change (a category just chosen for many notes, say).
 */
function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  const text = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"])';
  return !!element?.closest(`${text}, textarea, [contenteditable="true"]`);
}

function Workbench(): JSX.Element {
  const { revision, undo, notify } = useAppState();
  const { route } = useSearch();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(recordIdFromHash);

  const open = useCallback((id: string) => {
    window.location.hash = `#/record/${encodeURIComponent(id)}`;
  }, []);

  // A restore reloads the app on the restored library; say what happened once it is back.
  useEffect(() => {
    const restored = takeRestoredNotice();
    if (restored) notify({ kind: 'info', text: restored });
  }, [notify]);

  useEffect(() => {
    const onHash = (): void => setSelectedId(recordIdFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The catalogue lists the records itself: the side list loads only when it is shown.
  const listShown = route.view !== 'library';
  useEffect(() => {
    if (!listShown) return;
    let live = true;
    api
      .call('records.list', {})
      .then((list) => {
        if (!live) return;
        setRecords(list);
        // Open the first record when none is chosen, so the reader is never blank.
        if (parseRoute(window.location.hash).view === 'none' && list[0]) open(list[0].id);
      })
      .catch((error: unknown) => live && notify({ kind: 'error', text: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [revision, open, notify, listShown]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the last change to the library. Text
  // fields keep their own undo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || key === 'y';
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      const run = redo ? undo.redo() : undo.undo();
      run
        .then((label) => {
          if (label) notify({ kind: 'info', text: `${redo ? 'Redone' : 'Undone'}: ${label}.` });
        })
        .catch((error: unknown) =>
          notify({
            kind: 'error',
            text: `Could not ${redo ? 'redo' : 'undo'}: ${errorMessage(error)}`,
          }),
        );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, notify]);

  return (
    <div className={route.view === 'library' ? 'app app-catalogue' : 'app'}>
      <header className="topbar">
        <span className="brand">Marginalia</span>
        <ViewSwitch route={route} firstRecordId={records?.[0]?.id ?? null} />
        <SearchBox />
        <div className="topbar-actions">
          <ImportButton onImported={(ids) => open(ids[0]!)} />
          <ExportActions recordId={route.view === 'reader' ? selectedId : null} />
        </div>
      </header>
      {route.view !== 'library' && (
        <LibraryList records={records} selectedId={selectedId} onOpen={open} />
      )}
      <main className="content">
        {route.view === 'library' ? (
          <CatalogueView onOpen={open} />
        ) : route.view === 'search' ? (
          <SearchResultsView query={route.query} />
        ) : selectedId ? (
          <RecordView key={selectedId} recordId={selectedId} />
        ) : records && records.length === 0 ? (
          <div className="empty-state">
            <h1>Your library is empty</h1>
            <p>Import the text of an archive record page to read it aligned and annotate it.</p>
          </div>
        ) : null}
      </main>
      <Notices />
    </div>
  );
}

/**
 * Why the library cannot be used (it is damaged), or null: asked once at start, and told by any
 * call that finds damage later (the background integrity check can find it while one works).
 */
function useLibraryProblem(): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const onDamaged = (event: Event): void => setProblem((event as CustomEvent<string>).detail);
    window.addEventListener(LIBRARY_DAMAGED_EVENT, onDamaged);
    api
      .call('app.info', {})
      .then((info) => info.libraryProblem && setProblem(info.libraryProblem))
      .catch(() => undefined);
    return () => window.removeEventListener(LIBRARY_DAMAGED_EVENT, onDamaged);
  }, []);
  return problem;
}

export function App(): JSX.Element {
  const problem = useLibraryProblem();
  if (problem) return <DamagedLibrary problem={problem} />;
  return (
    <AppStateProvider>
      <SearchProvider>
        <Workbench />
      </SearchProvider>
    </AppStateProvider>
  );
}
