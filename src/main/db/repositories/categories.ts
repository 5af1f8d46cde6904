// Storage of the category palette: names, colours, mark lines and their order.
import type { Category, MarkLine } from '@shared/model';
import { prepared, type LibraryDatabase } from '../statements';

/** A category with its place in the palette. */
export interface CategoryRow extends Category {
  sort: number;
}

export function createCategoriesRepository(db: LibraryDatabase) {
  const s = prepared({
    list: () =>
      db.prepare<[], Category>('SELECT id, name, color, line FROM categories ORDER BY sort, id'),
    withSort: () =>
      db.prepare<[], CategoryRow>(
        'SELECT id, name, color, line, sort FROM categories ORDER BY sort, id',
      ),
    get: () =>
      db.prepare<[string], CategoryRow>(
        'SELECT id, name, color, line, sort FROM categories WHERE id = ?',
      ),
    lastSort: () => db.prepare<[], number | null>('SELECT MAX(sort) FROM categories').pluck(),
    insert: () =>
      db.prepare('INSERT INTO categories (id, name, color, line, sort) VALUES (?, ?, ?, ?, ?)'),
    update: () => db.prepare('UPDATE categories SET name = ?, color = ?, line = ? WHERE id = ?'),
    delete: () => db.prepare('DELETE FROM categories WHERE id = ?'),
  });

  return {
    /** The palette in order. */
    list(): Category[] {
      return s.list.all();
    },

    /** The palette in order, with each category's sort key. */
    rows(): CategoryRow[] {
      return s.withSort.all();
    },

    get(id: string): CategoryRow | null {
      return s.get.get(id) ?? null;
    },

    exists(id: string): boolean {
      return s.get.get(id) !== undefined;
    },

    /** The sort key after the last category's (0 for an empty palette). */
    lastSort(): number {
      return s.lastSort.get() ?? 0;
    },

    insert(category: Category, sort: number): void {
      s.insert.run(category.id, category.name, category.color, category.line, sort);
    },

    update(category: { id: string; name: string; color: string; line: MarkLine }): void {
      s.update.run(category.name, category.color, category.line, category.id);
    },

    delete(id: string): void {
      s.delete.run(id);
    },
  };
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>;
