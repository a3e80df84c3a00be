// Folds the thread's live frames into the AI reply being written: ai.token appends, ai.done clears (the stored
// message takes its place), ai.abandoned or a takeover mid-stream shows that the reply was dropped.
"use client";

import { useCallback, useState } from "react";
import type { LiveFrame } from "@/components/inbox/types";

export type AiStream = { state: "idle" | "writing" | "abandoned"; generationId: string | null; text: string };

const idle: AiStream = { state: "idle", generationId: null, text: "" };

export function reduceAiStream(stream: AiStream, frame: LiveFrame): AiStream {
  const generationId = typeof frame.data?.generationId === "string" ? frame.data.generationId : null;
  switch (frame.type) {
    case "ai.token": {
      const delta = typeof frame.data?.delta === "string" ? frame.data.delta : "";
      if (stream.state === "writing" && stream.generationId === generationId)
        return { ...stream, text: stream.text + delta };
      return { state: "writing", generationId, text: delta };
    }
    case "ai.done":
      return idle;
    case "ai.abandoned":
      return stream.state === "writing" ? { ...stream, state: "abandoned" } : stream;
    case "thread.taken_over":
      return stream.state === "writing" ? { ...stream, state: "abandoned" } : stream;
    default:
      return stream;
  }
}

export function useAiStream() {
  const [stream, setStream] = useState<AiStream>(idle);
  const apply = useCallback((frame: LiveFrame) => setStream((current) => reduceAiStream(current, frame)), []);
  const markAbandoned = useCallback(
    () => setStream((current) => (current.state === "writing" ? { ...current, state: "abandoned" } : current)),
    [],
  );
  return { stream, apply, markAbandoned };
}
