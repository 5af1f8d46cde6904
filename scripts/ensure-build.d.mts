// Types for scripts/ensure-build.mjs, for the tests that import it.
export declare function buildIsCurrent(): boolean;
export declare function ensureBuild(): void;
export declare function electronViteCommand(): { command: string; args: string[]; entry: string };
