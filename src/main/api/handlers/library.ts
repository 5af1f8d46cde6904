// The library methods: the catalogue, renaming, duplicating and trashing records, and collections.
import { queryCatalogue } from '../../services/library/catalogue';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  duplicateCollection,
  getCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
  restoreCollection,
} from '../../services/library/collections';
import {
  duplicateRecord,
  listTrash,
  purgeRecords,
  renameRecord,
  restoreRecords,
  trashRecords,
} from '../../services/library/record-actions';
import type { HandlersFor } from './types';

export const libraryHandlers: HandlersFor<'library.'> = {
  'library.catalogue': (ctx, { filters, sort, descending }) =>
    queryCatalogue(ctx, filters, sort, descending, ctx.now()),
  'library.renameRecord': (ctx, { id, title }) => renameRecord(ctx, id, title),
  'library.duplicateRecord': (ctx, { id, title }) => duplicateRecord(ctx, id, title),
  'library.trashRecords': (ctx, { ids }) => ({ ids: trashRecords(ctx, ids) }),
  'library.restoreRecords': (ctx, { ids }) => ({ ids: restoreRecords(ctx, ids) }),
  'library.trash': (ctx) => listTrash(ctx),
  'library.purgeRecords': (ctx, { ids }) => ({ ids: purgeRecords(ctx, ids) }),
};

export const collectionHandlers: HandlersFor<'collections.'> = {
  'collections.list': (ctx) => listCollections(ctx),
  'collections.get': (ctx, { id }) => getCollection(ctx, id),
  'collections.create': (ctx, { name, recordIds }) => createCollection(ctx, name, recordIds),
  'collections.rename': (ctx, { id, name }) => renameCollection(ctx, id, name),
  'collections.duplicate': (ctx, { id, name }) => duplicateCollection(ctx, id, name),
  'collections.delete': (ctx, { id }) => deleteCollection(ctx, id),
  'collections.restore': (ctx, { collection }) => restoreCollection(ctx, collection),
  'collections.addRecords': (ctx, { id, recordIds }) => ({
    added: addToCollection(ctx, id, recordIds),
  }),
  'collections.removeRecords': (ctx, { id, recordIds }) => ({
    removed: removeFromCollection(ctx, id, recordIds),
  }),
};
