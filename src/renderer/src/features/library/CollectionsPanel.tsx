import { useState, type DragEvent, type JSX } from 'react';
import type { CollectionSummary } from '@shared/api/methods/library';
import type { LibraryActions } from './use-library-actions';
import { NameDialog } from './NameDialog';

export const RECORDS_MIME = 'application/x-marginalia-records';

type Naming = { mode: 'new' } | { mode: 'rename'; collection: CollectionSummary } | null;

/**
 * All records, the collections, and the trash. Records dropped on a collection (from the
 * catalogue or the library list) are added to it; the keyboard way is the catalogue's
 * "Add to collection" (key A).
 */
export function CollectionsPanel({
  collections,
  total,
  trashCount,
  selectedId,
  trash,
  selectedRecords,
  actions,
  onSelect,
  onTrash,
}: {
  collections: CollectionSummary[];
  total: number;
  trashCount: number;
  selectedId: string | null;
  trash: boolean;
  selectedRecords: string[];
  actions: LibraryActions;
  onSelect(id: string | null): void;
  onTrash(): void;
}): JSX.Element {
  const [naming, setNaming] = useState<Naming>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const selected = collections.find((c) => c.id === selectedId) ?? null;

  const onDragOver = (event: DragEvent, id: string): void => {
    if (!event.dataTransfer.types.includes(RECORDS_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropTarget(id);
  };
  const onDrop = (event: DragEvent, collection: CollectionSummary): void => {
    setDropTarget(null);
    const data = event.dataTransfer.getData(RECORDS_MIME);
    if (!data) return;
    event.preventDefault();
    const ids = JSON.parse(data) as string[];
    void actions.addToCollection(collection.id, collection.name, ids);
  };

  return (
    <nav className="collections" aria-label="Collections">
      <h2 className="panel-heading">Collections</h2>
      <ul className="collection-list">
        <li>
          <button
            type="button"
            className="collection-item"
            aria-current={!trash && selectedId === null ? 'true' : undefined}
            onClick={() => onSelect(null)}
          >
            <span>All records</span>
            <span className="facet-count">{total.toLocaleString('en')}</span>
          </button>
        </li>
        {collections.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={dropTarget === c.id ? 'collection-item drop-target' : 'collection-item'}
              aria-current={!trash && selectedId === c.id ? 'true' : undefined}
              onClick={() => onSelect(c.id)}
              onDragOver={(e) => onDragOver(e, c.id)}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => onDrop(e, c)}
            >
              <span>{c.name}</span>
              <span className="facet-count" aria-label={`${c.count} records`}>
                {c.count.toLocaleString('en')}
              </span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="collection-item"
            aria-current={trash ? 'true' : undefined}
            onClick={onTrash}
          >
            <span>Trash</span>
            <span className="facet-count">{trashCount.toLocaleString('en')}</span>
          </button>
        </li>
      </ul>
      <div className="collection-actions">
        <button type="button" className="link-button" onClick={() => setNaming({ mode: 'new' })}>
          New collection
          {selectedRecords.length > 0 ? ` from ${selectedRecords.length} selected` : ''}
        </button>
        {selected && (
          <>
            <button
              type="button"
              className="link-button"
              onClick={() => setNaming({ mode: 'rename', collection: selected })}
            >
              Rename “{selected.name}”
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => void actions.duplicateCollection(selected.id)}
            >
              Duplicate
            </button>
            <button
              type="button"
              className="link-button danger"
              onClick={() => {
                onSelect(null);
                void actions.deleteCollection(selected.id);
              }}
            >
              Delete collection
            </button>
          </>
        )}
      </div>
      {naming && (
        <NameDialog
          title={naming.mode === 'new' ? 'New collection' : 'Rename collection'}
          label="Collection name"
          initial={naming.mode === 'rename' ? naming.collection.name : ''}
          maxLength={200}
          onClose={() => setNaming(null)}
          onSave={async (name) => {
            if (naming.mode === 'rename')
              await actions.renameCollection(naming.collection.id, name);
            else {
              const created = await actions.createCollection(name, selectedRecords);
              if (created) onSelect(created.id);
            }
            setNaming(null);
          }}
        />
      )}
    </nav>
  );
}
