// Types for scripts/render-icons.mjs, which the packaging tests import to compare the committed
// icons with a fresh rendering of the SVG source.
export declare const ICON_SOURCE: string;
export declare const ICON_DIR: string;
export declare const PNG_SIZES: number[];
export declare function renderPng(svg: Buffer, size: number): Buffer;
export declare function renderAll(): void;
