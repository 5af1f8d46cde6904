// The search part of the contract: library search, find in record, reindex.
import { z } from 'zod';
import type { Side } from '../../model';
import { MAX_QUERY_LENGTH } from '../../search/query';
import { id, returns } from '../schemas';

/** A highlighted span: UTF-16 offsets into the text it belongs to. */
export interface SearchRange {
  start: number;
  end: number;
}

/** A piece of text with the words to highlight; rendered as text, never as HTML. */
export interface SearchSnippet {
  text: string;
  ranges: SearchRange[];
  /** Where `text` starts in the whole text (0 when it is the whole text). */
  offset: number;
  /** Whether text was left out before and after the snippet. */
  cutStart: boolean;
  cutEnd: boolean;
}

export type SearchHitKind = 'passage' | 'note' | 'record' | 'essay';

/** The passages aligned with a hit's passage, in the other language. */
export interface SearchCounterpart {
  side: Side;
  lang: string;
  passages: { index: number; snippet: SearchSnippet }[];
}

export interface SearchHit {
  kind: SearchHitKind;
  /** The passage the hit is in (a note's: the passage its first target marks), if any. */
  passageId: number | null;
  side: Side | null;
  passageIndex: number | null;
  lang: string | null;
  /** The passage, or for notes the comment, for records the field that matched. */
  snippet: SearchSnippet;
  /** Records: which catalogue field matched ("title", "summary", "source", …). */
  field: string | null;
  note: {
    annotationId: string;
    categoryId: string;
    /** The marked words in the text. */
    quote: SearchSnippet | null;
    tags: string[];
  } | null;
  counterpart: SearchCounterpart | null;
}

export interface SearchRecordInfo {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  originalLang: string;
  translationLang: string;
}

export interface SearchGroup {
  record: SearchRecordInfo;
  /** Documents of this record that match (passages, notes, catalogue data). */
  hitCount: number;
  /** False when the record may hold more hits than counted (very broad searches). */
  hitCountExact: boolean;
  hits: SearchHit[];
}

export interface SearchResult {
  query: string;
  groups: SearchGroup[];
  /** All matching documents, up to `countLimit`. */
  totalHits: number;
  /** True when there are more hits than `totalHits` says (it stopped counting). */
  totalHitsCapped: boolean;
  /** Records with hits, or null when a very broad search did not count them. */
  totalRecords: number | null;
  /** relevance: best matches first; recent: too many hits to rank, newest documents first. */
  ordering: 'relevance' | 'recent';
  /** Pass back as `page` for the next groups, or null at the end. */
  next: string | null;
  /** How the search was read, where it differs from what was typed. */
  warnings: string[];
  /** Why nothing was searched (e.g. "type a word"), or null. */
  message: string | null;
  tookMs: number;
}

/** One occurrence of the searched words in the open record. */
export interface RecordSearchHit {
  passageId: number;
  side: Side;
  passageIndex: number;
  /** The aligned row the passage stands in. */
  row: number;
  start: number;
  end: number;
}

export interface RecordSearchResult {
  recordId: string;
  query: string;
  /** In reading order: by aligned row, the original before the translation, then by position. */
  hits: RecordSearchHit[];
  warnings: string[];
  message: string | null;
}

export interface ReindexReport {
  documents: { passage: number; note: number; record: number; essay: number };
  records: number;
  tookMs: number;
}

const query = z
  .string()
  .max(
    MAX_QUERY_LENGTH,
    `a search can be at most ${MAX_QUERY_LENGTH.toLocaleString('en')} characters long`,
  );

export const searchMethods = {
  'search.query': {
    input: z.strictObject({
      query,
      /** Let capitalised words find their transliteration: "Kim Il Sung" ~ "Ким Ир Сен". */
      names: z.boolean().default(true),
      /** Records per page. */
      limit: z.number().int().min(1).max(200).default(10),
      /** Hits shown per record (the count covers them all). */
      hitsPerRecord: z.number().int().min(1).max(50).default(3),
      page: z.string().max(64).nullable().default(null),
    }),
    output: returns<SearchResult>(),
  },
  /** Find in the open record: every occurrence, in reading order, over both texts. */
  'search.inRecord': {
    input: z.strictObject({ recordId: id, query, names: z.boolean().default(true) }),
    output: returns<RecordSearchResult>(),
  },
  /** Maintenance: rebuilds the search index from the library. */
  'search.reindex': {
    input: z.strictObject({}),
    output: returns<ReindexReport>(),
  },
} as const;
