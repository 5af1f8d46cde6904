// `marginalia search QUERY` and `marginalia reindex`: the library's full-text search and its
// maintenance from the command line, through the same API (and validation) as the app.
import type { SearchHit, SearchResult, SearchSnippet } from '@shared/api/methods/search';
import { dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';
import { openSession } from './session';
import { STYLE } from './terminal';

function positiveInt(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new CliError(
      `--${name} must be a whole number from 1 to ${max}, not “${String(value)}”`,
      2,
    );
  }
  return n;
}

/** The snippet's text with the hits marked ⟨thus⟩ (or in bold on a terminal). */
function marked(snippet: SearchSnippet, bold: boolean): string {
  let out = snippet.cutStart ? '…' : '';
  let at = 0;
  for (const r of snippet.ranges) {
    out += snippet.text.slice(at, r.start);
    const word = snippet.text.slice(r.start, r.end);
    out += bold ? `${STYLE.bold}${word}${STYLE.plain}` : `⟨${word}⟩`;
    at = r.end;
  }
  out += snippet.text.slice(at) + (snippet.cutEnd ? '…' : '');
  return out.replace(/\s+/g, ' ').trim();
}

function plain(snippet: SearchSnippet): string {
  return (snippet.cutStart ? '…' : '') + snippet.text + (snippet.cutEnd ? '…' : '');
}

function where(hit: SearchHit): string {
  const lang = hit.lang ? `${hit.lang} ` : '';
  switch (hit.kind) {
    case 'passage':
      return `${lang}${hit.side} ¶${(hit.passageIndex ?? 0) + 1}`;
    case 'note':
      return `${lang}note${hit.passageIndex !== null ? ` on ${hit.side} ¶${hit.passageIndex + 1}` : ''}`;
    case 'record':
      return hit.field ?? 'catalogue';
    case 'essay':
      return 'record note';
  }
}

function printText(result: SearchResult, io: CliIo, bold: boolean): void {
  for (const warning of result.warnings) io.stderr(`marginalia: note: ${warning}\n`);
  if (result.message) {
    io.stderr(`marginalia: ${result.message}\n`);
    return;
  }
  if (result.groups.length === 0) {
    io.stdout('No hits.\n');
    return;
  }
  const hits = `${result.totalHits.toLocaleString('en')}${result.totalHitsCapped ? '+' : ''}`;
  const records =
    result.totalRecords === null
      ? 'many records'
      : `${result.totalRecords} record${result.totalRecords === 1 ? '' : 's'}`;
  io.stdout(
    `${hits} hit${result.totalHits === 1 ? '' : 's'} in ${records}` +
      `${result.ordering === 'relevance' ? ', best first' : ', newest first'}:\n`,
  );
  for (const group of result.groups) {
    const r = group.record;
    io.stdout(`\n${r.id}  ${r.title}${r.date ? `  (${r.date})` : ''}\n`);
    for (const hit of group.hits) {
      io.stdout(`  ${where(hit)}: ${marked(hit.snippet, bold)}\n`);
      if (hit.note?.quote) io.stdout(`      on: ${marked(hit.note.quote, bold)}\n`);
      const c = hit.counterpart;
      if (c) {
        const text = c.passages.map((p) => marked(p.snippet, bold)).join(' ');
        io.stdout(`      ${c.lang} ${c.side}: ${text}\n`);
      }
    }
    const more = group.hitCount - group.hits.length;
    if (more > 0)
      io.stdout(`  … and ${more}${group.hitCountExact ? '' : '+'} more in this record\n`);
  }
  if (result.next) io.stdout('\nMore records have hits: use --limit to see more.\n');
}

function hitJson(group: SearchResult['groups'][number], hit: SearchHit) {
  return {
    recordId: group.record.id,
    title: group.record.title,
    kind: hit.kind,
    lang: hit.lang,
    side: hit.side,
    passageIndex: hit.passageIndex,
    field: hit.field,
    snippet: plain(hit.snippet),
    highlights: hit.snippet.ranges.map((r) => hit.snippet.text.slice(r.start, r.end)),
    note: hit.note && {
      annotationId: hit.note.annotationId,
      category: hit.note.categoryId,
      quote: hit.note.quote ? plain(hit.note.quote) : null,
      tags: hit.note.tags,
    },
    counterpart: hit.counterpart && {
      lang: hit.counterpart.lang,
      side: hit.counterpart.side,
      passages: hit.counterpart.passages.map((p) => ({ index: p.index, text: plain(p.snippet) })),
    },
  };
}

export async function searchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    limit: { type: 'string' },
    hits: { type: 'string' },
    'no-names': { type: 'boolean', default: false },
  } as const);
  const query = positionals.join(' ').trim();
  if (query === '') throw new CliError('search needs a QUERY (see marginalia --help)', 2);
  const limit = positiveInt(values.limit, 'limit', 20, 200);
  const hitsPerRecord = positiveInt(values.hits, 'hits', 3, 50);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const result = await session.call('search.query', {
      query,
      names: !values['no-names'],
      limit,
      hitsPerRecord,
    });
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            query: result.query,
            totalHits: result.totalHits,
            totalHitsCapped: result.totalHitsCapped,
            totalRecords: result.totalRecords,
            ordering: result.ordering,
            warnings: result.warnings,
            message: result.message,
            hits: result.groups.flatMap((g) => g.hits.map((h) => hitJson(g, h))),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      printText(result, io, io.stderrIsTTY === true && process.stdout.isTTY === true);
    }
    return 0;
  } finally {
    session.close();
  }
}

export async function reindexCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0)
    throw new CliError(`reindex takes no arguments, got “${positionals[0]}”`, 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const report = await session.call('search.reindex', {});
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n');
    } else {
      const d = report.documents;
      io.stdout(
        `Rebuilt the search index of ${report.records} record${report.records === 1 ? '' : 's'}: ` +
          `${d.passage} passages, ${d.note} notes, ${d.essay} record notes ` +
          `in ${(report.tookMs / 1000).toFixed(1)} s.\n`,
      );
    }
    return 0;
  } finally {
    session.close();
  }
}
