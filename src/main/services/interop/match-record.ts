// Which record in the library a group of imported annotations is on: the record the file names
// (our own id, the archive's record ID, the page's address), or the one whose text holds the
// most of the quotes. A file that carries the record's texts finds its twin by record ID or
// identical text, or brings the record in.
import type { AppContext } from '../context';
import { contentHash } from '../library/store-import';
import type { ImportedGroup } from './model';

/** The record's id, or null when none matches (then the group's own record is created). */
export function findRecordForGroup(ctx: AppContext, group: ImportedGroup): string | null {
  if (group.record) {
    return (
      ctx.records.findDuplicate(group.record.meta.recordId, contentHash(group.record))?.id ?? null
    );
  }
  const { hints } = group;
  if (hints.id && ctx.records.exists(hints.id)) return hints.id;
  const byUrl = hints.url ? ctx.records.withUrl(hints.url) : [];
  if (byUrl.length === 1) return byUrl[0]!;
  // Count, per record, the quotes it holds; the longest quotes are the most telling.
  const quotes = [
    ...new Set(group.annotations.flatMap((a) => a.targets.map((t) => t.quote?.exact.trim() ?? ''))),
  ]
    .filter((q) => q.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, 20);
  const votes = new Map<string, number>();
  for (const quote of quotes) {
    for (const id of ctx.records.containing(quote)) {
      if (byUrl.length > 0 && !byUrl.includes(id)) continue;
      votes.set(id, (votes.get(id) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestVotes = 0;
  for (const [id, n] of votes) {
    if (n > bestVotes) {
      best = id;
      bestVotes = n;
    }
  }
  return best;
}
