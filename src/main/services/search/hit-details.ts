// What a result shows for each hit: the passage (or note, or catalogue field) cut around the
// highlighted words, and the aligned passage of the other language. Loaded only for the hits
// on the page being shown.
import type { Database } from 'better-sqlite3';
import type {
  SearchCounterpart,
  SearchHit,
  SearchRange,
  SearchRecordInfo,
  SearchSnippet,
} from '@shared/api/methods/search';
import type { Side } from '@shared/model';
import type { DocKind } from '../../db/search-schema';
import { highlightRanges, matcherScripts, MatchText, type Matcher } from './compile';
import { makeSnippet } from './snippets';

export interface DocRow {
  id: number;
  kind: DocKind;
  record_id: string;
  passage_id: number | null;
  annotation_id: string | null;
  lang: string | null;
}

interface PassageRow {
  id: number;
  side: Side;
  ordinal: number;
  text: string;
}

interface RecordRow {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  record_id: string | null;
  summary: string | null;
  source: string | null;
  original_lang: string;
  translation_lang: string;
}

function prepare(db: Database) {
  return {
    passage: db.prepare<[number], PassageRow>(
      'SELECT id, side, ordinal, text FROM passages WHERE id = ?',
    ),
    counterpart: db.prepare<[number, string], PassageRow>(`
      SELECT p.id, p.side, p.ordinal, p.text
      FROM alignment_members m1
        JOIN alignment_members m2 ON m2.group_id = m1.group_id
        JOIN passages p ON p.id = m2.passage_id
      WHERE m1.passage_id = ? AND p.side <> ?
      ORDER BY p.ordinal`),
    record: db.prepare<[string], RecordRow>(`
      SELECT id, title, date, type, record_id, summary, source, original_lang, translation_lang
      FROM records WHERE id = ?`),
    annotation: db.prepare<[string], { category_id: string; comment_text: string }>(
      'SELECT category_id, comment_text FROM annotations WHERE id = ?',
    ),
    quotes: db.prepare<[string], { exact: string }>(
      'SELECT exact FROM annotation_targets WHERE annotation_id = ? ORDER BY ordinal',
    ),
    tags: db
      .prepare<[string], string>(
        'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag',
      )
      .pluck(),
    replies: db
      .prepare<[string], string>(
        'SELECT body_text FROM annotation_replies WHERE annotation_id = ? ORDER BY created_at',
      )
      .pluck(),
    essay: db
      .prepare<[string], string>('SELECT body_text FROM record_notes WHERE record_id = ?')
      .pluck(),
  };
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}

/** Counterpart passages are shown cut to this length. */
const COUNTERPART_CHARS = 400;

function rangesIn(matcher: Matcher | null, text: string): SearchRange[] {
  return matcher ? highlightRanges(matcher, new MatchText(text)) : [];
}

function snippetOf(matcher: Matcher | null, text: string): SearchSnippet {
  return makeSnippet(text, rangesIn(matcher, text));
}

// The script a language is written in, for the languages whose counterparts are common.
const SCRIPT_OF_LANG: Record<string, string> = {
  ru: 'cyrillic',
  uk: 'cyrillic',
  be: 'cyrillic',
  bg: 'cyrillic',
  en: 'latin',
  de: 'latin',
  fr: 'latin',
};

export class HitDetails {
  private readonly s: Statements;
  private readonly records = new Map<string, RecordRow | undefined>();
  private readonly scripts: Set<string>;

  constructor(
    db: Database,
    private readonly matcher: Matcher | null,
  ) {
    this.s = statements(db);
    this.scripts = matcher ? matcherScripts(matcher) : new Set();
  }

  /** Whether a text in `lang` may hold any searched word (a Russian query in English cannot). */
  private worthHighlighting(lang: string): boolean {
    const script = SCRIPT_OF_LANG[lang];
    return script === undefined || this.scripts.has(script) || this.scripts.has('other');
  }

  private recordRow(id: string): RecordRow | undefined {
    if (!this.records.has(id)) this.records.set(id, this.s.record.get(id));
    return this.records.get(id);
  }

  recordInfo(id: string): SearchRecordInfo | null {
    const row = this.recordRow(id);
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      date: row.date,
      type: row.type,
      originalLang: row.original_lang,
      translationLang: row.translation_lang,
    };
  }

  private counterpart(passage: PassageRow, recordId: string): SearchCounterpart | null {
    const rows = this.s.counterpart.all(passage.id, passage.side);
    const record = this.recordRow(recordId);
    if (rows.length === 0 || !record) return null;
    const side: Side = passage.side === 'original' ? 'translation' : 'original';
    const lang = side === 'original' ? record.original_lang : record.translation_lang;
    const matcher = this.worthHighlighting(lang) ? this.matcher : null;
    return {
      side,
      lang,
      passages: rows.map((row) => ({
        index: row.ordinal,
        snippet: trimSnippet(snippetOf(matcher, row.text)),
      })),
    };
  }

  hit(doc: DocRow): SearchHit | null {
    switch (doc.kind) {
      case 'passage':
        return this.passageHit(doc);
      case 'note':
        return this.noteHit(doc);
      case 'record':
        return this.recordHit(doc);
      case 'essay':
        return this.essayHit(doc);
    }
  }

  private passageHit(doc: DocRow): SearchHit | null {
    const passage = doc.passage_id === null ? undefined : this.s.passage.get(doc.passage_id);
    if (!passage) return null;
    return {
      kind: 'passage',
      passageId: passage.id,
      side: passage.side,
      passageIndex: passage.ordinal,
      lang: doc.lang,
      snippet: snippetOf(this.matcher, passage.text),
      field: null,
      note: null,
      counterpart: this.counterpart(passage, doc.record_id),
    };
  }

  private noteHit(doc: DocRow): SearchHit | null {
    if (doc.annotation_id === null) return null;
    const annotation = this.s.annotation.get(doc.annotation_id);
    if (!annotation) return null;
    const quote = this.s.quotes
      .all(doc.annotation_id)
      .map((q) => q.exact)
      .join(' … ');
    const replies = this.s.replies.all(doc.annotation_id);
    // The comment, or the first reply that holds the searched words, is the hit's text.
    const candidates = [annotation.comment_text, ...replies].filter((t) => t.trim() !== '');
    const withHit = candidates.find((t) => rangesIn(this.matcher, t).length > 0);
    const body = withHit ?? candidates[0] ?? '';
    const passage = doc.passage_id === null ? undefined : this.s.passage.get(doc.passage_id);
    return {
      kind: 'note',
      passageId: passage?.id ?? null,
      side: passage?.side ?? null,
      passageIndex: passage?.ordinal ?? null,
      lang: doc.lang,
      snippet: snippetOf(this.matcher, body),
      field: null,
      note: {
        annotationId: doc.annotation_id,
        categoryId: annotation.category_id,
        quote: quote === '' ? null : snippetOf(this.matcher, quote),
        tags: this.s.tags.all(doc.annotation_id),
      },
      counterpart: passage ? this.counterpart(passage, doc.record_id) : null,
    };
  }

  private recordHit(doc: DocRow): SearchHit | null {
    const row = this.recordRow(doc.record_id);
    if (!row) return null;
    const fields: [string, string | null][] = [
      ['title', row.title],
      ['summary', row.summary],
      ['source', row.source],
      ['type', row.type],
      ['record ID', row.record_id],
      ['date', row.date],
    ];
    let chosen: [string, SearchSnippet] | null = null;
    for (const [name, value] of fields) {
      if (!value) continue;
      const ranges = rangesIn(this.matcher, value);
      if (ranges.length > 0) {
        chosen = [name, makeSnippet(value, ranges)];
        break;
      }
    }
    chosen ??= ['title', makeSnippet(row.title, [])];
    return {
      kind: 'record',
      passageId: null,
      side: null,
      passageIndex: null,
      lang: null,
      snippet: chosen[1],
      field: chosen[0],
      note: null,
      counterpart: null,
    };
  }

  private essayHit(doc: DocRow): SearchHit | null {
    const text = this.s.essay.get(doc.record_id);
    if (text === undefined) return null;
    return {
      kind: 'essay',
      passageId: null,
      side: null,
      passageIndex: null,
      lang: null,
      snippet: snippetOf(this.matcher, text),
      field: null,
      note: null,
      counterpart: null,
    };
  }
}

/** A counterpart is context, not the hit: keep it short. */
function trimSnippet(snippet: SearchSnippet): SearchSnippet {
  if (snippet.text.length <= COUNTERPART_CHARS) return snippet;
  return {
    ...snippet,
    text: snippet.text.slice(0, COUNTERPART_CHARS),
    ranges: snippet.ranges
      .filter((r) => r.start < COUNTERPART_CHARS)
      .map((r) => ({ start: r.start, end: Math.min(r.end, COUNTERPART_CHARS) })),
    cutEnd: true,
  };
}
