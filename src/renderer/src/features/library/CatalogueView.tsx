import { useCallback, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { CatalogueSort } from '@shared/api/methods/library';
import { BackupsDialog } from '../backups/BackupsDialog';
import { CatalogueTable } from './CatalogueTable';
import { CollectionsPanel } from './CollectionsPanel';
import { FacetPanel } from './FacetPanel';
import { NameDialog } from './NameDialog';
import { TrashList } from './TrashList';
import { activeFilterCount, useCatalogue } from './use-catalogue';
import { useLibraryActions } from './use-library-actions';
import '../../styles/library.css';

/**
 * The library as a catalogue: collections and filters on the left (with counts), the records
 * on the right, sortable, selectable, and acted on by toolbar or keyboard — F2 rename, Ctrl+D
 * duplicate, Delete to the trash (Ctrl+Z undoes), A add to a collection.
 */
export function CatalogueView({ onOpen }: { onOpen(id: string): void }): JSX.Element {
  const { view, setView, result, loading, error } = useCatalogue();
  const actions = useLibraryActions();
  const [chosen, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState(0);
  const [active, setActive] = useState(0);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [showBackups, setShowBackups] = useState(false);
  const addSelect = useRef<HTMLSelectElement>(null);
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const collection = result?.collections.find((c) => c.id === view.filters.collectionId) ?? null;

  // The selection only ever holds records that are shown (a filter may hide chosen ones).
  const selected = useMemo(() => {
    const shown = new Set(rows.map((r) => r.id));
    const kept = [...chosen].filter((id) => shown.has(id));
    return kept.length === chosen.size ? chosen : new Set(kept);
  }, [rows, chosen]);

  const targets = useCallback((): string[] => {
    if (selected.size > 0) return [...selected];
    const row = rows[active];
    return row ? [row.id] : [];
  }, [selected, rows, active]);

  const titleOf = (id: string): string => rows.find((r) => r.id === id)?.title ?? id;

  const remove = (): void => {
    const ids = targets();
    if (ids.length > 0) void actions.trash(ids, titleOf(ids[0]!));
  };
  const duplicate = (): void => {
    const id = targets()[0];
    if (id) void actions.duplicate(id);
  };
  const rename = (): void => {
    const id = targets()[0];
    if (id) setRenaming({ id, title: titleOf(id) });
  };
  const addTo = (collectionId: string): void => {
    const ids = targets();
    const c = result?.collections.find((x) => x.id === collectionId);
    if (c && ids.length > 0) void actions.addToCollection(c.id, c.name, ids);
  };

  const onCommand = (key: string, event: KeyboardEvent<HTMLElement>): void => {
    if (key === 'F2') rename();
    else if (key === 'Delete') remove();
    else if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'd') duplicate();
    else if ((key === 'a' || key === 'A') && !event.ctrlKey && !event.metaKey)
      addSelect.current?.focus();
    else return;
    event.preventDefault();
  };

  const setSort = (sort: CatalogueSort): void =>
    setView((v) => ({ ...v, sort, descending: v.sort === sort ? !v.descending : false }));

  const count = targets().length;
  const matched = rows.length;
  return (
    <div className="catalogue" role="region" aria-label="Library catalogue">
      <aside className="catalogue-side">
        <CollectionsPanel
          collections={result?.collections ?? []}
          total={result?.total ?? 0}
          trashCount={result?.trashCount ?? 0}
          selectedId={view.filters.collectionId}
          trash={view.trash}
          selectedRecords={[...selected]}
          actions={actions}
          onSelect={(id) =>
            setView((v) => ({ ...v, trash: false, filters: { ...v.filters, collectionId: id } }))
          }
          onTrash={() => setView((v) => ({ ...v, trash: true }))}
        />
        {!view.trash && (
          <FacetPanel
            filters={view.filters}
            result={result}
            onChange={(filters) => setView((v) => ({ ...v, filters }))}
          />
        )}
        <div className="library-file-actions">
          <button type="button" className="link-button" onClick={() => setShowBackups(true)}>
            Backups…
          </button>
        </div>
        {showBackups && <BackupsDialog onClose={() => setShowBackups(false)} />}
      </aside>
      <section className="catalogue-main" aria-labelledby="catalogue-title">
        <header className="catalogue-head">
          <h1 id="catalogue-title" className="catalogue-title">
            {view.trash ? 'Trash' : (collection?.name ?? 'Library')}
          </h1>
          {!view.trash && result && (
            <p className="catalogue-count" aria-live="polite">
              {matched === result.total && !collection
                ? `${result.total.toLocaleString('en')} records`
                : `${matched.toLocaleString('en')} of ${(collection ? collection.count : result.total).toLocaleString('en')} records`}
              {activeFilterCount(view.filters) > 0 ? ' match the filters' : ''}
              {loading ? ' …' : ''}
            </p>
          )}
        </header>
        {error && <p className="form-error">{error}</p>}
        {result && result.warnings.length > 0 && (
          <ul className="search-warnings">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {view.trash ? (
          <TrashList actions={actions} />
        ) : (
          <>
            <div className="catalogue-toolbar" role="toolbar" aria-label="Selected records">
              <span className="catalogue-selection">
                {selected.size > 0 ? `${selected.size} selected` : 'No selection'}
              </span>
              <button
                type="button"
                className="button"
                disabled={count === 0}
                onClick={() => rows[active] && onOpen(targets()[0]!)}
              >
                Open
              </button>
              <button
                type="button"
                className="button"
                disabled={count !== 1}
                onClick={rename}
                aria-keyshortcuts="F2"
              >
                Rename <kbd>F2</kbd>
              </button>
              <button
                type="button"
                className="button"
                disabled={count !== 1}
                onClick={duplicate}
                aria-keyshortcuts="Control+D"
              >
                Duplicate <kbd>Ctrl+D</kbd>
              </button>
              <button
                type="button"
                className="button danger"
                disabled={count === 0}
                onClick={remove}
                aria-keyshortcuts="Delete"
              >
                Delete <kbd>Del</kbd>
              </button>
              <select
                ref={addSelect}
                className="button"
                aria-label="Add to collection"
                aria-keyshortcuts="A"
                value=""
                disabled={count === 0 || (result?.collections.length ?? 0) === 0}
                onChange={(e) => {
                  if (e.target.value) addTo(e.target.value);
                }}
              >
                <option value="">Add to collection… (A)</option>
                {result?.collections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              {collection && (
                <button
                  type="button"
                  className="button"
                  disabled={count === 0}
                  onClick={() =>
                    void actions.removeFromCollection(collection.id, collection.name, targets())
                  }
                >
                  Remove from “{collection.name}”
                </button>
              )}
            </div>
            {result && rows.length === 0 ? (
              <p className="muted catalogue-empty">
                {result.total === 0
                  ? 'The library is empty. Use Import to add records.'
                  : 'No record matches these filters.'}
              </p>
            ) : (
              <CatalogueTable
                rows={rows}
                selected={selected}
                active={active}
                anchor={anchor}
                sort={view.sort}
                descending={view.descending}
                onSort={setSort}
                onActive={setActive}
                onSelect={(ids, from) => {
                  setSelected(ids);
                  if (from !== undefined) setAnchor(from);
                }}
                onOpen={onOpen}
                onCommand={onCommand}
              />
            )}
          </>
        )}
      </section>
      {renaming && (
        <NameDialog
          title="Rename record"
          label="Title"
          initial={renaming.title}
          maxLength={1000}
          onClose={() => setRenaming(null)}
          onSave={async (title) => {
            await actions.rename(renaming.id, title);
            setRenaming(null);
          }}
        />
      )}
    </div>
  );
}
