// The category palette: user-editable names, colours and mark lines. Number keys 1–9 pick the
// first nine, in palette order.
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Category } from '@shared/model';
import type { CategoryRow } from '../../db/repositories/categories';
import type { AppContext } from '../context';

const DEFAULT_CATEGORY = 'note';

function requireRow(ctx: AppContext, id: string): CategoryRow {
  const row = ctx.categories.get(id);
  if (!row) throw new ApiError('not_found', `There is no category “${id}”.`);
  return row;
}

function assertNameFree(ctx: AppContext, name: string, except?: string): void {
  const clash = ctx.categories
    .list()
    .find((c) => c.id !== except && c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) {
    throw new ApiError('invalid_input', `There is already a category called “${clash.name}”.`, [
      { path: 'name', message: 'name taken' },
    ]);
  }
}

function slug(name: string): string {
  const base = name
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return base || 'category';
}

const strip = ({ id, name, color, line }: CategoryRow): Category => ({ id, name, color, line });

export function createCategory(ctx: AppContext, input: ParsedInput<'categories.create'>): Category {
  assertNameFree(ctx, input.name);
  let id = slug(input.name);
  for (let n = 2; ctx.categories.exists(id); n++) id = `${slug(input.name)}-${n}`;
  const sort = ctx.categories.lastSort() + 10;
  const category: Category = {
    id,
    name: input.name,
    color: input.color.toUpperCase(),
    line: input.line ?? 'solid',
  };
  ctx.categories.insert(category, sort);
  return category;
}

export function updateCategory(ctx: AppContext, input: ParsedInput<'categories.update'>): Category {
  const row = requireRow(ctx, input.id);
  if (input.name !== undefined) assertNameFree(ctx, input.name, row.id);
  const next: CategoryRow = {
    ...row,
    name: input.name ?? row.name,
    color: input.color?.toUpperCase() ?? row.color,
    line: input.line ?? row.line,
  };
  ctx.categories.update(next);
  return strip(next);
}

/** Deletes a category, moving its annotations to another one; returns what undo needs. */
export function deleteCategory(ctx: AppContext, input: ParsedInput<'categories.delete'>) {
  const row = requireRow(ctx, input.id);
  const reassignTo = input.reassignTo ?? DEFAULT_CATEGORY;
  if (row.id === DEFAULT_CATEGORY) {
    throw new ApiError(
      'invalid_input',
      'The “Note” category is the default and cannot be deleted; rename it instead.',
    );
  }
  if (reassignTo === row.id) {
    throw new ApiError('invalid_input', 'Choose another category for its annotations.', [
      { path: 'reassignTo', message: 'same category' },
    ]);
  }
  requireRow(ctx, reassignTo);
  return ctx.transaction(() => {
    const annotationIds = ctx.annotations.idsInCategory(row.id);
    ctx.annotations.moveToCategory(row.id, reassignTo);
    ctx.categories.delete(row.id);
    return { category: strip(row), sort: row.sort, annotationIds };
  });
}

export function restoreCategory(
  ctx: AppContext,
  input: ParsedInput<'categories.restore'>,
): Category {
  if (ctx.categories.exists(input.category.id)) {
    throw new ApiError(
      'invalid_input',
      'This category already exists; there is nothing to restore.',
    );
  }
  assertNameFree(ctx, input.category.name);
  const category = { ...input.category, color: input.category.color.toUpperCase() };
  ctx.transaction(() => {
    ctx.categories.insert(category, input.sort);
    ctx.annotations.setCategory(input.annotationIds, category.id);
  });
  return category;
}
