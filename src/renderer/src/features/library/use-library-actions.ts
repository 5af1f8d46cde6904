// Changes to records and collections made from the catalogue, each one undoable with Ctrl+Z
// (and redoable), each one announced.
import { useMemo } from 'react';
import type { Collection } from '@shared/api/methods/library';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface LibraryActions {
  trash(ids: string[], titleOfOne: string): Promise<void>;
  restore(ids: string[]): Promise<void>;
  purge(ids: string[]): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string): Promise<string | null>;
  createCollection(name: string, recordIds: string[]): Promise<Collection | null>;
  renameCollection(id: string, name: string): Promise<void>;
  duplicateCollection(id: string): Promise<void>;
  deleteCollection(id: string): Promise<void>;
  addToCollection(id: string, name: string, recordIds: string[]): Promise<void>;
  removeFromCollection(id: string, name: string, recordIds: string[]): Promise<void>;
}

export function useLibraryActions(): LibraryActions {
  const { done, notify, changed, undo } = useAppState();
  return useMemo(() => {
    const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
      try {
        return await work();
      } catch (error) {
        notify({ kind: 'error', text: `Could not ${what}: ${errorMessage(error)}` });
        return null;
      }
    };
    const undoable = (text: string): void =>
      notify({ kind: 'info', text: `${text} Ctrl+Z undoes.` });

    return {
      trash: async (ids, titleOfOne) => {
        const r = await attempt('delete', () => api.call('library.trashRecords', { ids }));
        if (!r) return;
        const label =
          ids.length === 1 ? `Delete “${titleOfOne}”` : `Delete ${plural(ids.length, 'record')}`;
        const entry = done({
          label,
          undo: async () => void (await api.call('library.restoreRecords', { ids: r.ids })),
          redo: async () => void (await api.call('library.trashRecords', { ids: r.ids })),
        });
        // Undo on the spot, as well as Ctrl+Z: the notice stays until it is used or replaced.
        notify({
          kind: 'info',
          text:
            ids.length === 1
              ? `Moved “${titleOfOne}” to the trash, with its notes.`
              : `Moved ${plural(ids.length, 'record')} to the trash, with their notes.`,
          action: {
            label: 'Undo',
            run: () =>
              void undo
                .undoIfLatest(entry)
                .then((undone) => {
                  if (undone) notify({ kind: 'info', text: `Undone: ${undone}.` });
                })
                .catch((error: unknown) =>
                  notify({ kind: 'error', text: `Could not undo: ${errorMessage(error)}` }),
                ),
          },
        });
      },
      restore: async (ids) => {
        const r = await attempt('restore', () => api.call('library.restoreRecords', { ids }));
        if (!r) return;
        done({
          label: `Restore ${plural(ids.length, 'record')}`,
          undo: async () => void (await api.call('library.trashRecords', { ids: r.ids })),
          redo: async () => void (await api.call('library.restoreRecords', { ids: r.ids })),
        });
        undoable(`Restored ${plural(ids.length, 'record')}.`);
      },
      purge: async (ids) => {
        const r = await attempt('delete for good', () => api.call('library.purgeRecords', { ids }));
        if (!r) return;
        changed();
        notify({ kind: 'info', text: `Deleted ${plural(r.ids.length, 'record')} for good.` });
      },
      rename: async (id, title) => {
        const r = await attempt('rename', () => api.call('library.renameRecord', { id, title }));
        if (!r || r.previousTitle === r.title) return;
        done({
          label: `Rename “${r.previousTitle}”`,
          undo: async () =>
            void (await api.call('library.renameRecord', { id, title: r.previousTitle })),
          redo: async () => void (await api.call('library.renameRecord', { id, title })),
        });
        undoable(`Renamed to “${title}”.`);
      },
      duplicate: async (id) => {
        const r = await attempt('duplicate', () => api.call('library.duplicateRecord', { id }));
        if (!r) return null;
        done({
          label: `Duplicate as “${r.title}”`,
          undo: async () => void (await api.call('library.trashRecords', { ids: [r.id] })),
          redo: async () => void (await api.call('library.restoreRecords', { ids: [r.id] })),
        });
        undoable(`Made a copy: “${r.title}”.`);
        return r.id;
      },
      createCollection: async (name, recordIds) => {
        const c = await attempt('create the collection', () =>
          api.call('collections.create', { name, recordIds }),
        );
        if (!c) return null;
        done({
          label: `Create collection “${name}”`,
          undo: async () => void (await api.call('collections.delete', { id: c.id })),
          redo: async () => void (await api.call('collections.restore', { collection: c })),
        });
        undoable(
          `Created the collection “${name}”${recordIds.length ? ` with ${plural(recordIds.length, 'record')}` : ''}.`,
        );
        return c;
      },
      renameCollection: async (id, name) => {
        const r = await attempt('rename the collection', () =>
          api.call('collections.rename', { id, name }),
        );
        if (!r || r.previousName === name) return;
        done({
          label: `Rename collection “${r.previousName}”`,
          undo: async () =>
            void (await api.call('collections.rename', { id, name: r.previousName })),
          redo: async () => void (await api.call('collections.rename', { id, name })),
        });
        undoable(`Renamed the collection to “${name}”.`);
      },
      duplicateCollection: async (id) => {
        const c = await attempt('duplicate the collection', () =>
          api.call('collections.duplicate', { id }),
        );
        if (!c) return;
        done({
          label: `Duplicate collection as “${c.name}”`,
          undo: async () => void (await api.call('collections.delete', { id: c.id })),
          redo: async () => void (await api.call('collections.restore', { collection: c })),
        });
        undoable(`Made a copy of the collection: “${c.name}”.`);
      },
      deleteCollection: async (id) => {
        const c = await attempt('delete the collection', () =>
          api.call('collections.delete', { id }),
        );
        if (!c) return;
        done({
          label: `Delete collection “${c.name}”`,
          undo: async () => void (await api.call('collections.restore', { collection: c })),
          redo: async () => void (await api.call('collections.delete', { id })),
        });
        undoable(`Deleted the collection “${c.name}” (its records stay in the library).`);
      },
      addToCollection: async (id, name, recordIds) => {
        const r = await attempt('add to the collection', () =>
          api.call('collections.addRecords', { id, recordIds }),
        );
        if (!r) return;
        if (r.added.length === 0) {
          notify({ kind: 'info', text: `Already in “${name}”.` });
          return;
        }
        done({
          label: `Add ${plural(r.added.length, 'record')} to “${name}”`,
          undo: async () =>
            void (await api.call('collections.removeRecords', { id, recordIds: r.added })),
          redo: async () =>
            void (await api.call('collections.addRecords', { id, recordIds: r.added })),
        });
        undoable(`Added ${plural(r.added.length, 'record')} to “${name}”.`);
      },
      removeFromCollection: async (id, name, recordIds) => {
        const r = await attempt('remove from the collection', () =>
          api.call('collections.removeRecords', { id, recordIds }),
        );
        if (!r || r.removed.length === 0) return;
        done({
          label: `Remove ${plural(r.removed.length, 'record')} from “${name}”`,
          undo: async () =>
            void (await api.call('collections.addRecords', { id, recordIds: r.removed })),
          redo: async () =>
            void (await api.call('collections.removeRecords', { id, recordIds: r.removed })),
        });
        undoable(
          `Removed ${plural(r.removed.length, 'record')} from “${name}” (they stay in the library).`,
        );
      },
    };
  }, [done, notify, changed, undo]);
}
