import type { Database } from "@omniloket/db";

/**
 * The question an earlier interaction with one of these thread keys (e.g. email Message-IDs) belongs to,
 * or null. Channels use it to decide before ingest whether a contact may only join an existing question.
 */
export async function questionForThreadKeys(
  deps: { database: Database },
  input: { tenantId: string; threadKeys: string[] },
): Promise<{ questionId: string } | null> {
  if (input.threadKeys.length === 0) return null;
  const [row] = await deps.database.query<{ question_id: string }>(
    `SELECT question_id::text FROM interactions
      WHERE tenant_id = $1 AND thread_key = ANY($2::text[])
      ORDER BY occurred_at DESC LIMIT 1`,
    [input.tenantId, input.threadKeys],
  );
  return row ? { questionId: row.question_id } : null;
}
