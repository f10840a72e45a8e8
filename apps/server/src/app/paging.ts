import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * The total of a paged list. The window count (`count(*) OVER ()`) rides on the page's rows, so a
 * page past the end has no row to carry it — it used to report `total: 0` (issue 17.5); then the
 * list is counted on its own.
 */
export async function pageTotal<DB, TB extends keyof DB, O>(
  base: SelectQueryBuilder<DB, TB, O>,
  rows: readonly { total: number | string }[],
): Promise<number> {
  const first = rows[0];
  if (first !== undefined) return Number(first.total);
  const counted = (await base
    .clearSelect()
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirst()) as { n?: string } | undefined;
  return Number(counted?.n ?? 0);
}
