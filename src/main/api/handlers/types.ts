import type { MethodName, MethodOutput, ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { RecordDocument } from '@shared/model';
import type { AppContext } from '../../services/context';

export type Handler<M extends MethodName> = (
  ctx: AppContext,
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one feature's methods (those whose names start with `Prefix`). */
export type HandlersFor<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handler<M>;
};

export function requireRecord(ctx: AppContext, id: string): RecordDocument {
  const record = ctx.records.get(id);
  if (!record) throw new ApiError('not_found', `There is no record with id “${id}”.`);
  return record;
}
