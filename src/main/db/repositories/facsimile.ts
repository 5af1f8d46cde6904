// Storage of page images and of where passages lie on them (migration 130): images once per
// hash, a record's pages per side, each passage's kind, line boxes and doubtful words.
import type { Side } from '@shared/model';
import type {
  FacsimileBox,
  FacsimilePage,
  PassageFacsimile,
  RecordFacsimile,
} from '@shared/scans/facsimile';
import { prepared, type LibraryDatabase } from '../statements';

/** A page image to store. */
export interface NewPageImage {
  hash: string;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** One side's pages and the layout of its passages, by passage row id. */
export interface NewSideFacsimile {
  side: Side;
  sourceFile: string;
  pages: { page: number; width: number; height: number; image: NewPageImage | null }[];
  /** The layout of the side's passages, in passage order. */
  passages: Omit<PassageFacsimile, 'passageId'>[];
}

interface PageRow {
  side: Side;
  page: number;
  width: number;
  height: number;
  imageHash: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  sourceFile: string;
}

export function createFacsimileRepository(db: LibraryDatabase) {
  const s = prepared({
    insertImage: () =>
      db.prepare(
        'INSERT OR IGNORE INTO page_images (hash, media_type, width, height, bytes) VALUES (?, ?, ?, ?, ?)',
      ),
    insertPage: () =>
      db.prepare(
        'INSERT INTO record_pages (record_id, side, page, width, height, image_hash, source_file) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    insertLayout: () =>
      db.prepare('INSERT INTO passage_layout (passage_id, kind, page) VALUES (?, ?, ?)'),
    insertBox: () =>
      db.prepare(
        'INSERT INTO passage_boxes (passage_id, ordinal, page, x, y, w, h, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    insertUncertain: () =>
      db.prepare(
        'INSERT OR IGNORE INTO passage_uncertain (passage_id, start, end, confidence) VALUES (?, ?, ?, ?)',
      ),
    deletePages: () => db.prepare('DELETE FROM record_pages WHERE record_id = ?'),
    unusedImages: () =>
      db.prepare(
        'DELETE FROM page_images WHERE NOT EXISTS (SELECT 1 FROM record_pages p WHERE p.image_hash = page_images.hash)',
      ),
    pages: () =>
      db.prepare<[string], PageRow>(`
        SELECT p.side, p.page, p.width, p.height, p.image_hash AS imageHash, i.width AS imageWidth,
          i.height AS imageHeight, p.source_file AS sourceFile
        FROM record_pages p LEFT JOIN page_images i ON i.hash = p.image_hash
        WHERE p.record_id = ? ORDER BY p.side, p.page`),
    layouts: () =>
      db.prepare<[string], { passageId: number; kind: PassageFacsimile['kind']; page: number }>(`
        SELECT l.passage_id AS passageId, l.kind, l.page FROM passage_layout l
        JOIN passages p ON p.id = l.passage_id WHERE p.record_id = ? ORDER BY p.side, p.ordinal`),
    boxes: () =>
      db.prepare<
        [string],
        {
          passageId: number;
          page: number;
          x: number;
          y: number;
          w: number;
          h: number;
          start: number;
          end: number;
        }
      >(`
        SELECT b.passage_id AS passageId, b.page, b.x, b.y, b.w, b.h, b.start, b.end
        FROM passage_boxes b JOIN passages p ON p.id = b.passage_id
        WHERE p.record_id = ? ORDER BY b.passage_id, b.ordinal`),
    uncertain: () =>
      db.prepare<[string], { passageId: number; start: number; end: number; confidence: number }>(`
        SELECT u.passage_id AS passageId, u.start, u.end, u.confidence
        FROM passage_uncertain u JOIN passages p ON p.id = u.passage_id
        WHERE p.record_id = ? ORDER BY u.passage_id, u.start`),
    image: () =>
      db.prepare<
        [string],
        { mediaType: NewPageImage['mediaType']; width: number; height: number; bytes: Buffer }
      >('SELECT media_type AS mediaType, width, height, bytes FROM page_images WHERE hash = ?'),
    passageIds: () =>
      db
        .prepare<[string, Side], number>(
          'SELECT id FROM passages WHERE record_id = ? AND side = ? ORDER BY ordinal',
        )
        .pluck(),
    passageBoxes: () =>
      db.prepare<[number], FacsimileBox>(
        'SELECT page, x, y, w, h, start, end FROM passage_boxes WHERE passage_id = ? ORDER BY ordinal',
      ),
    passageUncertain: () =>
      db.prepare<[number], { start: number; end: number; confidence: number }>(
        'SELECT start, end, confidence FROM passage_uncertain WHERE passage_id = ? ORDER BY start',
      ),
    hasLayout: () =>
      db.prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM passage_layout WHERE passage_id = ?',
      ),
    deleteBoxes: () => db.prepare('DELETE FROM passage_boxes WHERE passage_id = ?'),
    deleteUncertain: () => db.prepare('DELETE FROM passage_uncertain WHERE passage_id = ?'),
    hasImage: () =>
      db.prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM record_pages WHERE record_id = ? AND image_hash = ?',
      ),
  });

  return {
    /**
     * Writes a record's pages and passage layout, replacing any it had. The caller holds a
     * transaction (with the passages' insertion). Images no record shows any more are dropped.
     */
    write(recordId: string, sides: readonly NewSideFacsimile[]): void {
      s.deletePages.run(recordId);
      for (const side of sides) {
        for (const page of side.pages) {
          if (page.image) {
            const i = page.image;
            s.insertImage.run(i.hash, i.mediaType, i.width, i.height, i.bytes);
          }
          s.insertPage.run(
            recordId,
            side.side,
            page.page,
            page.width,
            page.height,
            page.image?.hash ?? null,
            side.sourceFile,
          );
        }
        const passageIds = s.passageIds.all(recordId, side.side);
        side.passages.forEach((layout, index) => {
          const passageId = passageIds[index];
          if (passageId === undefined)
            throw new Error(`No passage ${index} on the ${side.side} side`);
          s.insertLayout.run(passageId, layout.kind, layout.page);
          layout.boxes.forEach((b, ordinal) =>
            s.insertBox.run(passageId, ordinal, b.page, b.x, b.y, b.w, b.h, b.start, b.end),
          );
          for (const u of layout.uncertain)
            s.insertUncertain.run(passageId, u.start, u.end, u.confidence);
        });
      }
      s.unusedImages.run();
    },

    /** A record's pages and passage layout (empty for a record read from text). */
    get(recordId: string): RecordFacsimile {
      const pages: FacsimilePage[] = s.pages.all(recordId);
      const byId = new Map<number, PassageFacsimile>();
      for (const row of s.layouts.all(recordId)) {
        byId.set(row.passageId, { ...row, boxes: [], uncertain: [] });
      }
      for (const { passageId, ...box } of s.boxes.all(recordId))
        byId.get(passageId)?.boxes.push(box);
      for (const { passageId, ...u } of s.uncertain.all(recordId))
        byId.get(passageId)?.uncertain.push(u);
      return { pages, passages: [...byId.values()] };
    },

    /** A page image of a record (null when the record shows no such image). */
    image(
      recordId: string,
      hash: string,
    ): {
      mediaType: NewPageImage['mediaType'];
      width: number;
      height: number;
      bytes: Uint8Array;
    } | null {
      if (s.hasImage.get(recordId, hash)!.n === 0) return null;
      return s.image.get(hash) ?? null;
    },

    /** A passage's line boxes and doubtful words (null for a passage read from text). */
    passageSpans(passageId: number): Pick<PassageFacsimile, 'boxes' | 'uncertain'> | null {
      if (s.hasLayout.get(passageId)!.n === 0) return null;
      return { boxes: s.passageBoxes.all(passageId), uncertain: s.passageUncertain.all(passageId) };
    },

    /** Replaces a passage's line boxes and doubtful words (the caller holds a transaction). */
    setPassageSpans(passageId: number, spans: Pick<PassageFacsimile, 'boxes' | 'uncertain'>): void {
      s.deleteBoxes.run(passageId);
      s.deleteUncertain.run(passageId);
      spans.boxes.forEach((b, ordinal) =>
        s.insertBox.run(passageId, ordinal, b.page, b.x, b.y, b.w, b.h, b.start, b.end),
      );
      for (const u of spans.uncertain)
        s.insertUncertain.run(passageId, u.start, u.end, u.confidence);
    },

    /** Drops images no record shows (after records are purged). */
    dropUnusedImages(): void {
      s.unusedImages.run();
    },
  };
}
