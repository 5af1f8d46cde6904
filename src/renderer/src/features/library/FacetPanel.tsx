import { useId, useState, type JSX } from 'react';
import type {
  CatalogueFilters,
  CatalogueResult,
  FacetKey,
  FacetValue,
} from '@shared/api/methods/library';
import { activeFilterCount, NO_FILTERS } from './use-catalogue';

const FACETS: [FacetKey, string][] = [
  ['types', 'Type'],
  ['archives', 'Archive'],
  ['fonds', 'Fond'],
  ['languagePairs', 'Languages'],
  ['tags', 'Tags'],
  ['people', 'People'],
  ['places', 'Places'],
  ['years', 'Year'],
];

const SHOWN = 8;

function FacetGroup({
  title,
  values,
  chosen,
  onToggle,
}: {
  title: string;
  values: FacetValue[];
  chosen: string[];
  onToggle(value: string): void;
}): JSX.Element | null {
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  const shown = all ? values : values.slice(0, SHOWN);
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {shown.map((v) => (
        <label key={v.value} className={v.count === 0 ? 'facet-value facet-empty' : 'facet-value'}>
          <input
            type="checkbox"
            checked={chosen.includes(v.value)}
            onChange={() => onToggle(v.value)}
          />
          <span className="facet-label">{v.label}</span>
          <span className="facet-count" aria-label={`${v.count} records`}>
            {v.count.toLocaleString('en')}
          </span>
        </label>
      ))}
      {values.length > SHOWN && (
        <button
          type="button"
          className="link-button"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      )}
    </fieldset>
  );
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A year, YYYY-MM or YYYY-MM-DD; the filter changes once what is typed is a date (or empty). */
function DateInput({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string | null;
  onChange(value: string | null): void;
}): JSX.Element {
  const [text, setText] = useState(value ?? '');
  // A change from outside (Clear filters) replaces what is typed; a half-typed date stays.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (!(value === null && !DATE.test(text.trim())) && text.trim() !== (value ?? '')) {
      setText(value ?? '');
    }
  }
  const invalid = text.trim() !== '' && !DATE.test(text.trim());
  return (
    <label>
      {label}{' '}
      <input
        className="facet-input facet-date"
        placeholder={hint}
        value={text}
        aria-invalid={invalid}
        aria-label={`Date ${label.toLowerCase()} (year, YYYY-MM or YYYY-MM-DD)`}
        onChange={(e) => {
          setText(e.target.value);
          const clean = e.target.value.trim();
          if (clean === '') onChange(null);
          else if (DATE.test(clean)) onChange(clean);
        }}
      />
    </label>
  );
}

/** Filters of the catalogue, each value with the number of records it would show. */
export function FacetPanel({
  filters,
  result,
  onChange,
}: {
  filters: CatalogueFilters;
  result: CatalogueResult | null;
  onChange(filters: CatalogueFilters): void;
}): JSX.Element {
  const id = useId();
  const set = <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]): void =>
    onChange({ ...filters, [key]: value });
  const toggle = (key: FacetKey, value: string): void => {
    const list = filters[key];
    set(key, list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  };
  const active = activeFilterCount(filters);
  return (
    <div className="facets" role="group" aria-label="Filters">
      <div className="facet-head">
        <h2 className="panel-heading">Filters</h2>
        {active > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ ...NO_FILTERS, collectionId: filters.collectionId })}
          >
            Clear {active === 1 ? 'filter' : `${active} filters`}
          </button>
        )}
      </div>
      <label className="facet-field" htmlFor={`${id}-title`}>
        Title contains
      </label>
      <input
        id={`${id}-title`}
        type="search"
        className="facet-input"
        value={filters.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <label className="facet-field" htmlFor={`${id}-query`}>
        Text contains
      </label>
      <input
        id={`${id}-query`}
        type="search"
        className="facet-input"
        placeholder="перемирие, in:notes …"
        value={filters.query}
        onChange={(e) => set('query', e.target.value)}
      />
      <fieldset className="facet facet-dates">
        <legend>Date</legend>
        <DateInput
          label="From"
          hint="1945"
          value={filters.dateFrom}
          onChange={(v) => set('dateFrom', v)}
        />
        <DateInput
          label="to"
          hint="1991"
          value={filters.dateTo}
          onChange={(v) => set('dateTo', v)}
        />
      </fieldset>
      <fieldset className="facet">
        <legend>My notes</legend>
        {(
          [
            [null, 'Any', (result?.notes.with ?? 0) + (result?.notes.without ?? 0)],
            [true, 'Has my notes', result?.notes.with ?? 0],
            [false, 'No notes yet', result?.notes.without ?? 0],
          ] as const
        ).map(([value, label, count]) => (
          <label key={label} className="facet-value">
            <input
              type="radio"
              name={`${id}-notes`}
              checked={filters.hasNotes === value}
              onChange={() => set('hasNotes', value)}
            />
            <span className="facet-label">{label}</span>
            <span className="facet-count">{count.toLocaleString('en')}</span>
          </label>
        ))}
      </fieldset>
      {result &&
        FACETS.map(([key, title]) => (
          <FacetGroup
            key={key}
            title={title}
            values={result.facets[key]}
            chosen={filters[key]}
            onToggle={(value) => toggle(key, value)}
          />
        ))}
    </div>
  );
}
