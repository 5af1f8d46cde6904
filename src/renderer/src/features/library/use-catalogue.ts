import { useEffect, useRef, useState } from 'react';
import type { CatalogueFilters, CatalogueResult, CatalogueSort } from '@shared/api/methods/library';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

export const NO_FILTERS: CatalogueFilters = {
  title: '',
  dateFrom: null,
  dateTo: null,
  types: [],
  archives: [],
  fonds: [],
  languagePairs: [],
  tags: [],
  people: [],
  places: [],
  years: [],
  hasNotes: null,
  collectionId: null,
  query: '',
};

export interface CatalogueView {
  filters: CatalogueFilters;
  sort: CatalogueSort;
  descending: boolean;
  trash: boolean;
}

// The catalogue keeps its filters while the reader is open, so coming back finds them as left.
let remembered: CatalogueView = {
  filters: NO_FILTERS,
  sort: 'date',
  descending: false,
  trash: false,
};

const TYPING_DELAY_MS = 250;

/** The catalogue's query state and its result, reloaded after every change to the library. */
export function useCatalogue(): {
  view: CatalogueView;
  setView(update: (view: CatalogueView) => CatalogueView): void;
  result: CatalogueResult | null;
  loading: boolean;
  error: string | null;
} {
  const { revision } = useAppState();
  const [view, setViewState] = useState<CatalogueView>(remembered);
  const [result, setResult] = useState<CatalogueResult | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);
  const first = useRef(true);

  const setView = (update: (view: CatalogueView) => CatalogueView): void =>
    setViewState((v) => (remembered = update(v)));

  const { filters, sort, descending } = view;
  useEffect(() => {
    const mine = ++ticket.current;
    // Typing in the text filters waits for a pause; everything else answers at once.
    const delay = first.current ? 0 : TYPING_DELAY_MS;
    first.current = false;
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .call('library.catalogue', { filters, sort, descending })
        .then((r) => {
          if (mine !== ticket.current) return;
          setResult(r);
          setError(null);
        })
        .catch((e: unknown) => mine === ticket.current && setError(errorMessage(e)))
        .finally(() => mine === ticket.current && setLoading(false));
    }, delay);
    return () => window.clearTimeout(timer);
  }, [filters, sort, descending, revision]);

  return { view, setView, result, loading, error };
}

export function activeFilterCount(filters: CatalogueFilters): number {
  let n = 0;
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'collectionId') continue;
    if (Array.isArray(value)) n += value.length;
    else if (typeof value === 'string') n += value.trim() === '' ? 0 : 1;
    else if (value !== null) n += 1;
  }
  return n;
}
