import type { Database } from 'better-sqlite3';
import type { Annotation, AnnotationTarget, Category, Side } from '@shared/model';

interface AnnotationRow {
  id: string;
  record_id: string;
  category_id: string;
  comment_json: string | null;
  comment_text: string;
  created_at: number;
  updated_at: number;
}

interface TargetRow {
  annotation_id: string;
  passage_id: number | null;
  side: Side;
  passage_index: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: number;
}

function targetFromRow(row: TargetRow): AnnotationTarget {
  return {
    passageId: row.passage_id,
    side: row.side,
    passageIndex: row.passage_index,
    quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { type: 'TextPositionSelector', start: row.start, end: row.end },
    orphaned: row.orphaned === 1,
  };
}

/** Storage of annotations and their targets. Every write is one transaction. */
export class AnnotationsRepository {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      insert: db.prepare(`
        INSERT INTO annotations (id, record_id, category_id, comment_json, comment_text, created_at, updated_at)
        VALUES (@id, @recordId, @categoryId, @commentJson, @commentText, @createdAt, @updatedAt)`),
      insertTarget: db.prepare(`
        INSERT INTO annotation_targets (annotation_id, ordinal, passage_id, side, passage_index,
          exact, prefix, suffix, start, end, orphaned)
        VALUES (@annotationId, @ordinal, @passageId, @side, @passageIndex,
          @exact, @prefix, @suffix, @start, @end, @orphaned)`),
      update: db.prepare(`
        UPDATE annotations SET category_id = @categoryId, comment_json = @commentJson,
          comment_text = @commentText, updated_at = @updatedAt
        WHERE id = @id`),
      delete: db.prepare('DELETE FROM annotations WHERE id = ?'),
      get: db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?'),
      targetsOf: db.prepare<[string], TargetRow>(
        'SELECT * FROM annotation_targets WHERE annotation_id = ? ORDER BY ordinal',
      ),
      byRecord: db.prepare<[string], AnnotationRow>(
        'SELECT * FROM annotations WHERE record_id = ? ORDER BY created_at, id',
      ),
      targetsByRecord: db.prepare<[string], TargetRow>(`
        SELECT t.* FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
        WHERE a.record_id = ? ORDER BY t.annotation_id, t.ordinal`),
      categories: db.prepare<[], Category>('SELECT id, name, color FROM categories ORDER BY sort'),
      categoryExists: db.prepare<[string], { one: number }>(
        'SELECT 1 AS one FROM categories WHERE id = ?',
      ),
    };
  }

  categories(): Category[] {
    return this.statements.categories.all();
  }

  categoryExists(id: string): boolean {
    return this.statements.categoryExists.get(id) !== undefined;
  }

  /** Writes a whole annotation (new, or restored after a delete) in one transaction. */
  insert(annotation: Annotation): void {
    const s = this.statements;
    this.db.transaction(() => {
      s.insert.run({
        id: annotation.id,
        recordId: annotation.recordId,
        categoryId: annotation.categoryId,
        commentJson: annotation.comment.json,
        commentText: annotation.comment.text,
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt,
      });
      annotation.targets.forEach((target, ordinal) => {
        s.insertTarget.run({
          annotationId: annotation.id,
          ordinal,
          passageId: target.passageId,
          side: target.side,
          passageIndex: target.passageIndex,
          exact: target.quote.exact,
          prefix: target.quote.prefix,
          suffix: target.quote.suffix,
          start: target.position.start,
          end: target.position.end,
          orphaned: target.orphaned ? 1 : 0,
        });
      });
    })();
  }

  update(annotation: Annotation): void {
    this.statements.update.run({
      id: annotation.id,
      categoryId: annotation.categoryId,
      commentJson: annotation.comment.json,
      commentText: annotation.comment.text,
      updatedAt: annotation.updatedAt,
    });
  }

  delete(id: string): void {
    this.statements.delete.run(id);
  }

  get(id: string): Annotation | null {
    const row = this.statements.get.get(id);
    if (!row) return null;
    return this.fromRow(row, this.statements.targetsOf.all(id).map(targetFromRow));
  }

  listByRecord(recordId: string): Annotation[] {
    const targets = new Map<string, AnnotationTarget[]>();
    for (const row of this.statements.targetsByRecord.all(recordId)) {
      const list = targets.get(row.annotation_id) ?? [];
      list.push(targetFromRow(row));
      targets.set(row.annotation_id, list);
    }
    return this.statements.byRecord
      .all(recordId)
      .map((row) => this.fromRow(row, targets.get(row.id) ?? []));
  }

  private fromRow(row: AnnotationRow, targets: AnnotationTarget[]): Annotation {
    return {
      id: row.id,
      recordId: row.record_id,
      categoryId: row.category_id,
      comment: { json: row.comment_json, text: row.comment_text },
      targets,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
