import type { Db } from "@omniloket/db";
import { sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { selectRows } from "../../platform/sql";

/** Statuses in which a question waits on the municipality, so it counts towards the queue. */
const QUEUED_STATUSES = ["open", "reopened", "waiting-on-municipality"] as const;

/** Histogram bins of waiting time in seconds; the last one is open-ended (`toSeconds: null`). */
export const WAITING_BINS: readonly { fromSeconds: number; toSeconds: number | null }[] = [
  { fromSeconds: 0, toSeconds: 15 * 60 },
  { fromSeconds: 15 * 60, toSeconds: 60 * 60 },
  { fromSeconds: 60 * 60, toSeconds: 4 * 3600 },
  { fromSeconds: 4 * 3600, toSeconds: 24 * 3600 },
  { fromSeconds: 24 * 3600, toSeconds: 3 * 24 * 3600 },
  { fromSeconds: 3 * 24 * 3600, toSeconds: null },
];

export type QueueStats = {
  channel: string;
  /** Open questions whose first contact came in on this channel. */
  depth: number;
  /** Waiting time of open questions without any outbound contact yet; null when none wait. */
  waitingSeconds: { p50: number | null; p90: number | null; max: number | null };
  histogram: { fromSeconds: number; toSeconds: number | null; count: number }[];
};

type Row = {
  channel: string;
  depth: number | string;
  p50: number | string | null;
  p90: number | string | null;
  max: number | string | null;
} & Record<`b${number}`, number | string>;

const seconds = (v: number | string | null) => (v === null ? null : Math.round(Number(v)));

/**
 * For supervisors: queue depth and the waiting-time distribution per channel over the caller's tenant.
 * Aggregates only (no personal data), computed in the database with `percentile_cont`.
 */
export async function queueStats(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal },
): Promise<{ items: QueueStats[] }> {
  const now = deps.clock().toISOString();
  const statuses = sql.join(
    QUEUED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const bins = WAITING_BINS.map(
    (b, i) =>
      sql`count(*) FILTER (WHERE wait >= ${b.fromSeconds}${
        b.toSeconds === null ? sql`` : sql` AND wait < ${b.toSeconds}`
      }) AS ${sql.raw(`b${i}`)}`,
  );
  const rows = await selectRows<Row>(
    deps.db,
    sql`WITH queued AS (
          SELECT
            coalesce((SELECT i.channel FROM interactions i WHERE i.question_id = q.id
                      ORDER BY i.occurred_at, i.received_at, i.id LIMIT 1), 'other') AS channel,
            CASE WHEN NOT EXISTS (SELECT 1 FROM interactions o
                                  WHERE o.question_id = q.id AND o.direction = 'outbound')
                 THEN greatest(0, extract(epoch FROM (${now}::timestamptz - q.opened_at)))::float8
            END AS wait
          FROM questions q
          WHERE q.tenant_id = ${input.principal.tenantId}::uuid
            AND q.merged_into_id IS NULL AND q.status IN (${statuses})
        )
        SELECT channel, count(*) AS depth,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
          max(wait) AS max,
          ${sql.join(bins, sql`, `)}
        FROM queued GROUP BY channel ORDER BY channel`,
  );
  return {
    items: rows.map((row) => ({
      channel: row.channel,
      depth: Number(row.depth),
      waitingSeconds: { p50: seconds(row.p50), p90: seconds(row.p90), max: seconds(row.max) },
      histogram: WAITING_BINS.map((b, i) => ({ ...b, count: Number(row[`b${i}`]) })),
    })),
  };
}
