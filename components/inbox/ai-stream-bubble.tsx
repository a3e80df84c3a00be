// The AI's reply while it is being written, token by token; or a note that it was abandoned by a takeover.
import type { AiStream } from "@/components/inbox/use-ai-stream";

export function AiStreamBubble({ stream }: { stream: AiStream }) {
  if (stream.state === "idle") return null;
  if (stream.state === "abandoned") {
    return (
      <li className="self-end text-sm italic text-slate-500" data-testid="ai-abandoned">
        AI reply abandoned — not sent.
      </li>
    );
  }
  return (
    <li className="flex flex-col items-end" data-testid="ai-stream" aria-live="polite">
      <span className="px-1 text-xs text-slate-500">AI assistant is typing…</span>
      <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-violet-100 px-3.5 py-2 text-base text-violet-950 ring-1 ring-violet-300">
        {stream.text || "…"}
        <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-violet-500 align-middle" aria-hidden />
      </p>
    </li>
  );
}
