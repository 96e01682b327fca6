/** Talks to Omniloket's /chat/{gemeente} routes: JSON over fetch, the live stream over fetch + ReadableStream. */
export type Stored = { sessionId: string; token: string; reference: string; lastId: string };

export type ChatStatus = {
  status: "waiting" | "active" | "ended";
  questionReference: string;
  position: number | null;
  employeeName: string | null;
  alternatives: null | "no-one-available" | "waited-too-long";
  identified?: boolean;
};

/**
 * A failed request: the problem's Dutch `detail` as message, its code (a field's own code when one
 * field was wrong), and Retry-After (seconds) when the server exposes it.
 */
export type ApiError = Error & { retryAfter?: number; code?: string };

export type ChatMessage = { id: string; sender: "visitor" | "employee" | "system"; text: string; at: string };

export type StreamHandlers = {
  message(m: ChatMessage): void;
  status(s: ChatStatus): void;
  typing(): void;
};

export class ChatApi {
  stored: Stored | null;
  private readonly key: string;
  private abort: AbortController | null = null;

  constructor(
    private readonly base: string,
    private readonly lang: string,
    gemeente: string,
  ) {
    this.key = `omniloket-chat:${gemeente}`;
    try {
      this.stored = JSON.parse(sessionStorage.getItem(this.key) ?? "null") as Stored | null;
    } catch {
      this.stored = null;
    }
  }

  private save() {
    try {
      if (this.stored) sessionStorage.setItem(this.key, JSON.stringify(this.stored));
      else sessionStorage.removeItem(this.key);
    } catch {
      // Storage may be off; the chat still works while the page stays open.
    }
  }

  /** Takes over a chat started elsewhere (the portal, about one question); a chat already held goes on where it was. */
  adopt(stored: Stored) {
    if (this.stored?.sessionId === stored.sessionId) this.stored = { ...this.stored, token: stored.token };
    else {
      this.stop();
      this.stored = stored;
    }
    this.save();
  }

  forget() {
    this.stop();
    this.stored = null;
    this.save();
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { "accept-language": this.lang };
    if (this.stored) headers.authorization = `Bearer ${this.stored.token}`;
    return headers;
  }

  async request<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { ...this.headers(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: "omit",
    });
    const text = await response.text();
    type Problem = { detail?: string; code?: string; invalidParams?: Array<{ code: string }> };
    const data = text ? (JSON.parse(text) as T & Problem) : ({} as T & Problem);
    if (!response.ok)
      throw Object.assign(new Error(data.detail ?? String(response.status)), {
        retryAfter: Number(response.headers.get("retry-after")) || undefined,
        code: data.invalidParams?.length === 1 ? data.invalidParams[0]?.code : data.code,
      });
    return data;
  }

  session(action: string, body: unknown = {}) {
    return this.request<unknown>(`/sessions/${this.stored?.sessionId}/${action}`, body);
  }

  async start(topicId: string | undefined, language: string) {
    const started = await this.request<{ sessionId: string; token: string; questionReference: string }>(
      "/sessions",
      { language, ...(topicId ? { topicId } : {}) },
    );
    this.stored = {
      sessionId: started.sessionId,
      token: started.token,
      reference: started.questionReference,
      lastId: "0",
    };
    this.save();
  }

  stop() {
    this.abort?.abort();
    this.abort = null;
  }

  /** Follows the event stream; reconnects (resuming after the last message) until the chat has ended. */
  async follow(on: StreamHandlers): Promise<void> {
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    let ended = false;
    while (!abort.signal.aborted && !ended && this.stored) {
      try {
        const response = await fetch(`${this.base}/sessions/${this.stored.sessionId}/events`, {
          headers: { ...this.headers(), accept: "text/event-stream", "last-event-id": this.stored.lastId },
          signal: abort.signal,
          credentials: "omit",
        });
        if (response.status === 404 || response.status === 401) {
          this.forget();
          on.status({
            status: "ended",
            questionReference: "",
            position: null,
            employeeName: null,
            alternatives: null,
          });
          return;
        }
        if (!response.ok || !response.body) throw new Error(String(response.status));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = "";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) event = line.slice(6).trim();
              else if (line.startsWith("data:")) data += line.slice(5).trimStart();
            }
            if (!event || !data) continue;
            const parsed = JSON.parse(data);
            if (event === "message") {
              this.stored.lastId = parsed.id;
              this.save();
              on.message(parsed);
            } else if (event === "status") {
              if (parsed.status === "ended") ended = true;
              on.status(parsed);
            } else if (event === "typing") on.typing();
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      if (!ended && !abort.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}
