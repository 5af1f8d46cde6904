// The alignment of stored records: views at paragraph and sentence level, corrections by hand,
// undo and re-alignment around confirmed rows. The engine itself lives in ../alignment.

export { alignmentView, applyCorrection, realignUnconfirmed, setAlignment } from './store';
export type { LevelState } from './store';
export { alignTexts, type AlignedTexts } from './align-texts';
