import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";

type Announce = (text: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

// A message that must survive a navigation to another question (after a merge, say).
let pending: string | null = null;

/** Remembers a message for the question page that is opened next. */
export function announceAfterNavigation(text: string) {
  pending = text;
}

/**
 * One polite live region for the question view: results of corrections, changes and notes are read
 * out without moving focus. It is always in the page, so screen readers hear every change.
 */
export function QuestionAnnouncer({ questionId, children }: { questionId: string; children: ReactNode }) {
  const [message, setMessage] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question may bring a pending message.
  useEffect(() => {
    if (pending !== null) {
      setMessage(pending);
      pending = null;
    }
  }, [questionId]);
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <div role="status" aria-live="polite" className="question-announcer" data-testid="question-announcer">
        {message && <p className="utrecht-alert utrecht-alert--ok">{message}</p>}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
