// What a result shows for each hit: the passage (or note, or catalogue field) cut around the
// highlighted words, and the aligned passage of the other language. Loaded only for the hits
// on the page being shown.
import type {
  SearchCounterpart,
  SearchHit,
  SearchRange,
  SearchRecordInfo,
  SearchSnippet,
} from '@shared/api/methods/search';
import type { Side } from '@shared/model';
import type { DocRow } from '../../db/repositories';
import type {
  HitPassageRow as PassageRow,
  HitRecordRow as RecordRow,
} from '../../db/repositories/search-index';
import type { AppContext } from '../context';
import { highlightRanges, matcherScripts, MatchText, type Matcher } from './compile';
import { makeSnippet } from './snippets';

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
  private readonly records = new Map<string, RecordRow | undefined>();
  private readonly scripts: Set<string>;

  constructor(
    private readonly ctx: AppContext,
    private readonly matcher: Matcher | null,
  ) {
    this.scripts = matcher ? matcherScripts(matcher) : new Set();
  }

  /** Whether a text in `lang` may hold any searched word (a Russian query in English cannot). */
  private worthHighlighting(lang: string): boolean {
    const script = SCRIPT_OF_LANG[lang];
    return script === undefined || this.scripts.has(script) || this.scripts.has('other');
  }

  private recordRow(id: string): RecordRow | undefined {
    if (!this.records.has(id)) this.records.set(id, this.ctx.searchIndex.record(id));
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
    const rows = this.ctx.searchIndex.counterpart(passage.id, passage.side);
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
    const passage =
      doc.passage_id === null ? undefined : this.ctx.searchIndex.passage(doc.passage_id);
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
    const annotation = this.ctx.searchIndex.annotation(doc.annotation_id);
    if (!annotation) return null;
    const quote = this.ctx.searchIndex.quotes(doc.annotation_id).join(' … ');
    const replies = this.ctx.searchIndex.replies(doc.annotation_id);
    // The comment, or the first reply that holds the searched words, is the hit's text.
    const candidates = [annotation.comment_text, ...replies].filter((t) => t.trim() !== '');
    const withHit = candidates.find((t) => rangesIn(this.matcher, t).length > 0);
    const body = withHit ?? candidates[0] ?? '';
    const passage =
      doc.passage_id === null ? undefined : this.ctx.searchIndex.passage(doc.passage_id);
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
        tags: this.ctx.searchIndex.tags(doc.annotation_id),
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
    const text = this.ctx.searchIndex.essay(doc.record_id);
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
