// The shape of a method's handler, typed from the contract, so every handler map is checked against
// it.
import type { MethodName, MethodOutput, ParsedInput } from '@shared/api/contract';
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
