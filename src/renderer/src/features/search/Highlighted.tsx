import type { JSX } from 'react';
import type { SearchSnippet } from '@shared/api/methods/search';

/**
 * A snippet of text with the searched words marked. The text is rendered as text nodes and
 * <mark> elements built from offsets: nothing from the library is ever parsed as HTML.
 */
export function Highlighted({
  snippet,
  lang,
}: {
  snippet: SearchSnippet;
  lang?: string | null;
}): JSX.Element {
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const range of snippet.ranges) {
    if (range.start > at)
      parts.push(<span key={`t${at}`}>{snippet.text.slice(at, range.start)}</span>);
    parts.push(
      <mark key={`m${range.start}`} className="search-mark">
        {snippet.text.slice(range.start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  if (at < snippet.text.length) parts.push(<span key={`t${at}`}>{snippet.text.slice(at)}</span>);
  return (
    <span className="snippet" lang={lang ?? undefined}>
      {snippet.cutStart && <span aria-hidden="true">…</span>}
      {parts}
      {snippet.cutEnd && <span aria-hidden="true">…</span>}
    </span>
  );
}
