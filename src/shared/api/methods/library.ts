// The library part of the contract: catalogue, record actions, trash and collections.
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../search/query';
import { id, plainName, returns } from '../schemas';

/** One record as the catalogue lists it (kept small: the catalogue sends every record). */
export interface CatalogueRow {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  /** Where the record is kept, as its source first cites it: "APRF f. 45", or just "APRF". */
  archive: string | null;
  originalLang: string;
  translationLang: string;
  noteCount: number;
}

export interface FacetValue {
  value: string;
  /** How the value reads to a person ("Russian ↔ English", "Mao Zedong"). */
  label: string;
  /** Records that would match if this value were chosen, given the other filters. */
  count: number;
}

export const FACET_KEYS = [
  'types',
  'archives',
  'fonds',
  'languagePairs',
  'tags',
  'people',
  'places',
  'years',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export interface CollectionSummary {
  id: string;
  name: string;
  /** Records in the collection that are not in the trash. */
  count: number;
  createdAt: number;
}

export interface CatalogueResult {
  /** Records in the library (not in the trash). */
  total: number;
  /** The records that match the filters, in the order asked for. */
  rows: CatalogueRow[];
  facets: Record<FacetKey, FacetValue[]>;
  /** Records with and without notes, given the other filters. */
  notes: { with: number; without: number };
  collections: CollectionSummary[];
  trashCount: number;
  /** How a full-text filter was read, where it differs from what was typed. */
  warnings: string[];
  tookMs: number;
}

export interface TrashedRecord {
  id: string;
  title: string;
  date: string | null;
  deletedAt: number;
  /** When it will be deleted for good unless restored. */
  purgeAt: number;
}

export interface Collection {
  id: string;
  name: string;
  recordIds: string[];
  createdAt: number;
  updatedAt: number;
}

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a year, YYYY-MM or YYYY-MM-DD');
const values = z.array(z.string().max(300)).max(200);
const ids = z.array(id).min(1, 'name at least one record').max(20_000);
const collectionName = plainName(200, 'a collection needs a name');
const recordTitle = plainName(1000, 'a record needs a title');

export const catalogueFilters = z.strictObject({
  /** Words the title must contain (any case, ё = е). */
  title: z.string().max(300).default(''),
  dateFrom: partialDate.nullable().default(null),
  dateTo: partialDate.nullable().default(null),
  types: values.default([]),
  archives: values.default([]),
  fonds: values.default([]),
  languagePairs: values.default([]),
  tags: values.default([]),
  people: values.default([]),
  places: values.default([]),
  years: values.default([]),
  /** true: only records with notes; false: only without; null: either. */
  hasNotes: z.boolean().nullable().default(null),
  collectionId: id.nullable().default(null),
  /** Records in which a full-text search finds something (the search box's language). */
  query: z.string().max(MAX_QUERY_LENGTH).default(''),
});
export type CatalogueFilters = z.output<typeof catalogueFilters>;

export const CATALOGUE_SORTS = ['date', 'title', 'type', 'archive', 'notes', 'added'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export const libraryMethods = {
  /** The catalogue: the records matching the filters, sorted, with counts per facet value. */
  'library.catalogue': {
    input: z.strictObject({
      filters: catalogueFilters.default(catalogueFilters.parse({})),
      sort: z.enum(CATALOGUE_SORTS).default('date'),
      descending: z.boolean().default(false),
    }),
    output: returns<CatalogueResult>(),
  },
  'library.renameRecord': {
    input: z.strictObject({ id, title: recordTitle }),
    output: returns<{ id: string; title: string; previousTitle: string }>(),
  },
  /** Copies a record with its text, alignment and notes; returns the copy's id. */
  'library.duplicateRecord': {
    input: z.strictObject({ id, title: recordTitle.optional() }),
    output: returns<{ id: string; title: string }>(),
  },
  /** Moves records to the trash (undo: library.restoreRecords); notes stay with them. */
  'library.trashRecords': {
    input: z.strictObject({ ids }),
    output: returns<{ ids: string[] }>(),
  },
  'library.restoreRecords': {
    input: z.strictObject({ ids }),
    output: returns<{ ids: string[] }>(),
  },
  'library.trash': {
    input: z.strictObject({}),
    output: returns<TrashedRecord[]>(),
  },
  /** Deletes records in the trash for good, with their notes. Cannot be undone. */
  'library.purgeRecords': {
    input: z.strictObject({ ids }),
    output: returns<{ ids: string[] }>(),
  },
  'collections.list': {
    input: z.strictObject({}),
    output: returns<CollectionSummary[]>(),
  },
  'collections.get': {
    input: z.strictObject({ id }),
    output: returns<Collection>(),
  },
  'collections.create': {
    input: z.strictObject({
      name: collectionName,
      recordIds: z.array(id).max(20_000).default([]),
    }),
    output: returns<Collection>(),
  },
  'collections.rename': {
    input: z.strictObject({ id, name: collectionName }),
    output: returns<{ id: string; name: string; previousName: string }>(),
  },
  'collections.duplicate': {
    input: z.strictObject({ id, name: collectionName.optional() }),
    output: returns<Collection>(),
  },
  /** Deletes a collection (not its records) and returns it whole, for undo. */
  'collections.delete': {
    input: z.strictObject({ id }),
    output: returns<Collection>(),
  },
  /** Puts back a collection exactly as collections.delete returned it. */
  'collections.restore': {
    input: z.strictObject({
      collection: z.strictObject({
        id,
        name: collectionName,
        recordIds: z.array(id).max(20_000),
        createdAt: z.number(),
        updatedAt: z.number(),
      }),
    }),
    output: returns<Collection>(),
  },
  /** Adds records; returns those that were not in it yet (what an undo removes). */
  'collections.addRecords': {
    input: z.strictObject({ id, recordIds: ids }),
    output: returns<{ added: string[] }>(),
  },
  'collections.removeRecords': {
    input: z.strictObject({ id, recordIds: ids }),
    output: returns<{ removed: string[] }>(),
  },
} as const;
