import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

/** Event types of GET /api/v1/events that change what the workspace shows. */
const EVENT_TYPES = [
  "interaction.created",
  "question.changed",
  "task.changed",
  "chat.message",
  "resync",
] as const;
/** Several events in quick succession lead to one refetch per query, not one each. */
const SETTLE_MS = 300;

/** What a live event says: ids only, never personal data. */
export type LiveEventData = { questionId?: string; taskId?: string; interactionId?: string };

export type LiveOptions = {
  /** Only events for which this holds refresh the queries (a `resync` always does). */
  matches?: (event: LiveEventData) => boolean;
  /** Called for every matching event, before the refresh. */
  onEvent?: (event: LiveEventData) => void;
  settleMs?: number;
};

/**
 * Keeps the page's queries current from the live stream (one EventSource per page; the browser
 * reconnects and resumes with Last-Event-ID by itself). Events carry ids only: the page asks the API
 * again for what changed, so need-to-know and the audit log apply as for any read.
 */
export function useLiveUpdates(queryKeys: readonly (readonly unknown[])[], options: LiveOptions = {}) {
  const queryClient = useQueryClient();
  const keys = JSON.stringify(queryKeys);
  // The callbacks may be new functions on every render; the stream stays open regardless.
  const latest = useRef(options);
  latest.current = options;
  const settleMs = options.settleMs ?? SETTLE_MS;
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/events", { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        for (const queryKey of JSON.parse(keys) as unknown[][])
          void queryClient.invalidateQueries({ queryKey });
      }, settleMs);
    };
    const onMessage = (event: MessageEvent<string>) => {
      let data: LiveEventData = {};
      try {
        data = JSON.parse(event.data) as LiveEventData;
      } catch {
        // A malformed event still means something changed: refresh.
      }
      if (event.type !== "resync" && latest.current.matches && !latest.current.matches(data)) return;
      latest.current.onEvent?.(data);
      refresh();
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onMessage);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [keys, queryClient, settleMs]);
}
