// The shape of a method's handler, typed from the contract, so every handler map is checked against
// it.
import type { MethodName, MethodOutput, ParsedInput } from '@shared/api/contract';
import type { AppContext } from '../../services/context';

export type Handler<M extends MethodName> = (
  ctx: AppContext,
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Methods the door holding the library answers itself (../door.ts): they open and close it. */
export type DoorMethodName = Extract<MethodName, `backups.${string}`>;

/** Every method a handler answers on an open library. */
export type HandledMethodName = Exclude<MethodName, DoorMethodName>;

export type Handlers = { [M in HandledMethodName]: Handler<M> };

/** The handlers of one feature's methods (those whose names start with `Prefix`). */
export type HandlersFor<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handler<M>;
};
