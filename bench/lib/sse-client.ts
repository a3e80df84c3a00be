// A minimal Server-Sent Events client over fetch (Node has no EventSource): parses `data:` frames as JSON and
// stamps each with its arrival time (performance.now()), for measuring how fast live events reach a client.
export type SseEvent = { type: string; threadId?: string | null; id?: string | null; data?: Record<string, unknown> };
export type SseClient = { ready: Promise<void>; close: () => void };

export function connectSse(
  url: string,
  cookie: string,
  onEvent: (event: SseEvent, arrivedAt: number) => void,
): SseClient {
  const abort = new AbortController();
  let markReady: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  void (async () => {
    try {
      const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
      if (!response.ok || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      const reader = response.body.getReader();
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        const arrivedAt = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trimStart())
            .join("\n");
          if (!data) continue;
          const event = JSON.parse(data) as SseEvent;
          if (event.type === "ready") markReady();
          onEvent(event, arrivedAt);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) fail(error as Error);
    }
  })();
  return { ready, close: () => abort.abort() };
}
