// Migration 90 (Marginalia's SQLite application id) on a library that already holds records.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

describe('migration 90: the library file says it is Marginalia’s', () => {
  it('writes the application id into the header and changes no row', () => {
    const db = libraryAt(70);
    insertRows(db, 'records', [recordRow('a'), recordRow('b')]);
    const before = tableRows(db, 'records', 'id');
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    updateToVersion(db, 90);
    expect(db.pragma('application_id', { simple: true })).toBe(0x4d52474e);
    expect(tableRows(db, 'records', 'id')).toEqual(before);
  });
});
