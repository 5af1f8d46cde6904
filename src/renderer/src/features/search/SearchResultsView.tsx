import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { SearchGroup, SearchHit, SearchResult } from '@shared/api/methods/search';
import { formatDate } from '@shared/citation';
import { languageName } from '@shared/text/language';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { Highlighted } from './Highlighted';
import { useSearch } from './search-state';

function whereLabel(hit: SearchHit): string {
  const lang = hit.lang ? languageName(hit.lang) : '';
  const passage = hit.passageIndex !== null ? ` ¶${hit.passageIndex + 1}` : '';
  switch (hit.kind) {
    case 'passage':
      return `${lang} ${hit.side === 'original' ? 'original' : 'translation'}${passage}`;
    case 'note':
      return `Your note${hit.side ? ` on the ${lang} ${hit.side}${passage}` : ''}`;
    case 'record':
      return `Catalogue: ${hit.field ?? 'title'}`;
    case 'essay':
      return 'Your note on the record';
  }
}

/** Where in the record a hit opens: its passage and the first marked word. */
function hitTarget(hit: SearchHit): { passageId: number; start: number } | null {
  if (hit.passageId === null) return null;
  const first = hit.kind === 'passage' ? hit.snippet.ranges[0] : undefined;
  return { passageId: hit.passageId, start: first ? hit.snippet.offset + first.start : 0 };
}

function HitView({ hit, onOpen }: { hit: SearchHit; onOpen(): void }): JSX.Element {
  return (
    <li>
      <button type="button" className={`search-hit search-hit-${hit.kind}`} onClick={onOpen}>
        <span className="search-hit-where">{whereLabel(hit)}</span>
        {hit.note?.quote && (
          <span className="search-hit-quote">
            “<Highlighted snippet={hit.note.quote} lang={hit.lang} />”
          </span>
        )}
        {(hit.kind !== 'note' || hit.snippet.text !== '') && (
          <span className="search-hit-text">
            <Highlighted snippet={hit.snippet} lang={hit.kind === 'passage' ? hit.lang : null} />
          </span>
        )}
        {hit.note && hit.note.tags.length > 0 && (
          <span className="search-hit-tags">
            {hit.note.tags.map((tag) => (
              <span key={tag} className="tag-chip">
                #{tag}
              </span>
            ))}
          </span>
        )}
        {hit.counterpart && (
          <span className="search-hit-counterpart">
            <span className="search-hit-where">
              ↔ {languageName(hit.counterpart.lang)} {hit.counterpart.side}
            </span>
            {hit.counterpart.passages.map((p) => (
              <Highlighted key={p.index} snippet={p.snippet} lang={hit.counterpart!.lang} />
            ))}
          </span>
        )}
      </button>
    </li>
  );
}

function GroupView({ group, query }: { group: SearchGroup; query: string }): JSX.Element {
  const { openHit } = useSearch();
  const r = group.record;
  const headingId = `result-${r.id}`;
  const more = group.hitCount - group.hits.length;
  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="search-group-title">
        {r.title}
      </h2>
      <p className="search-group-meta">
        {[
          formatDate(r.date),
          r.type,
          `${group.hitCount}${group.hitCountExact ? '' : '+'} hit${group.hitCount === 1 ? '' : 's'}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ul className="search-hits">
        {group.hits.map((hit, i) => (
          <HitView key={i} hit={hit} onOpen={() => openHit(r.id, query, hitTarget(hit))} />
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="link-button" onClick={() => openHit(r.id, query, null)}>
          Open the record at its first hit ({more}
          {group.hitCountExact ? '' : '+'} more in it)
        </button>
      )}
    </section>
  );
}

/** Arrow keys move between hits; Home and End go to the first and last. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const hits = [...event.currentTarget.querySelectorAll<HTMLElement>('.search-hit')];
  const at = hits.indexOf(document.activeElement as HTMLElement);
  let next = -1;
  if (event.key === 'ArrowDown') next = Math.min(at + 1, hits.length - 1);
  else if (event.key === 'ArrowUp') next = at - 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = hits.length - 1;
  else return;
  event.preventDefault();
  if (next < 0) document.querySelector<HTMLElement>('.search-input')?.focus();
  else hits[next]?.focus();
}

/** The results of a library search, grouped by record, best first. */
export function SearchResultsView({ query }: { query: string }): JSX.Element {
  const { revision } = useAppState();
  const [result, setResult] = useState<SearchResult | null>(null);
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    api
      .call('search.query', { query })
      .then((r) => {
        if (ticket !== latest.current) return;
        setError(null);
        setResult(r);
        setGroups(r.groups);
      })
      .catch((e: unknown) => ticket === latest.current && setError(errorMessage(e)));
  }, [query, revision]);

  const loadMore = async (): Promise<void> => {
    if (!result?.next) return;
    setLoadingMore(true);
    try {
      const r = await api.call('search.query', { query, page: result.next });
      setResult(r);
      setGroups((g) => [...g, ...r.groups]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const summary = (r: SearchResult): string => {
    if (r.message) return r.message;
    if (r.totalHits === 0) return `Nothing found for “${r.query}”.`;
    const hits = `${r.totalHits.toLocaleString('en')}${r.totalHitsCapped ? '+' : ''} hit${r.totalHits === 1 ? '' : 's'}`;
    const records =
      r.totalRecords === null
        ? 'many records'
        : `${r.totalRecords.toLocaleString('en')} record${r.totalRecords === 1 ? '' : 's'}`;
    return `${hits} in ${records}${r.ordering === 'relevance' ? ', best first' : ', newest first'}.`;
  };

  return (
    <div className="search-results" aria-label="Search results" role="region" onKeyDown={moveFocus}>
      <h1 className="search-results-title">
        Search: <q>{query}</q>
      </h1>
      {error && <p className="form-error">{error}</p>}
      {result && (
        <>
          <p className="search-summary" aria-live="polite">
            {summary(result)}
          </p>
          {result.warnings.length > 0 && (
            <ul className="search-warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {groups.map((group) => (
            <GroupView key={group.record.id} group={group} query={query} />
          ))}
          {result.next && (
            <button
              type="button"
              className="button"
              disabled={loadingMore}
              onClick={() => void loadMore()}
            >
              {loadingMore ? 'Loading…' : 'Show more records'}
            </button>
          )}
          {result.groups.length > 0 && (
            <p className="hint">
              <kbd>↑</kbd> <kbd>↓</kbd> move between hits, <kbd>Enter</kbd> opens one with the hit
              marked.
            </p>
          )}
        </>
      )}
    </div>
  );
}
