import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { AlignmentGroup } from '@shared/model';
import { dispatch } from '../../../src/main/api/router';
import type { TestContext as AppContext } from '../support/context';

/** Calls the API as every door does (validation included); failures throw the ApiError. */
export async function call<M extends MethodName>(
  ctx: AppContext,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw ApiError.from(result.error);
  return result.value as MethodOutput<M>;
}

/** The refusal a call ends in (fails the test when the call succeeds). */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** Rows as short strings: "1|3" pairs original 1 with translation 3; "✓" marks confirmed. */
export function shape(groups: readonly AlignmentGroup[]): string[] {
  return groups.map(
    (g) => `${g.original.join(',')}|${g.translation.join(',')}${g.confirmed ? '✓' : ''}`,
  );
}

/** The seed record's paragraph rows as the aligner makes them (English header lines first). */
export const SEED_ROWS = [
  '|0',
  '|1',
  '|2',
  '0|',
  '1|3',
  '2|4',
  '3|5',
  '4|6',
  '5|7',
  '6|8',
  '7|9',
  '8|10',
  '9|11',
  '10|12',
  '11|13',
  '|14',
  '|15',
  '|16',
  '12|',
];
