// The app methods: what a door needs to know about the running app and its library.
import type { HandlersFor } from './types';

export const appHandlers: HandlersFor<'app.'> = {
  'app.info': (ctx) => ({
    version: ctx.version,
    libraryPath: ctx.libraryPath,
    nativeDialogs: ctx.host.nativeDialogs,
    libraryProblem: null,
  }),
};
