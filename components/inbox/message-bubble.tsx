// One message in the chat: the customer on the left; the auto-reply, the AI and each team member on the right,
// each with its own colour and label.
import { clsx } from "clsx";
import { BusinessTime } from "@/components/display/business-time";
import { messageAuthorLabel, messageStatusWords, undeliveredText } from "@/components/display/plain-words";
import type { ThreadMessage } from "@/components/inbox/types";
import { MessageAttachments } from "@/components/messages/message-attachments";

const authorColours: Record<ThreadMessage["authorKind"], string> = {
  customer: "bg-white text-slate-900 ring-1 ring-slate-200",
  system: "bg-slate-200 text-slate-900",
  ai: "bg-violet-600 text-white",
  user: "bg-brand-600 text-white",
};

function author(message: ThreadMessage): { label: string; className: string } {
  return { label: messageAuthorLabel(message), className: authorColours[message.authorKind] };
}

const failed = new Set(["failed", "undelivered"]);

export function MessageBubble({ message, isOptOut = false }: { message: ThreadMessage; isOptOut?: boolean }) {
  const isInbound = message.direction === "inbound";
  const look = author(message);
  return (
    <li
      className={clsx("flex flex-col", isInbound ? "items-start" : "items-end")}
      data-testid="message-bubble"
      data-author={message.authorKind}
    >
      <span className="px-1 text-xs text-slate-500">
        {look.label} · <BusinessTime value={message.createdAt} style="time" />
      </span>
      {/* A photo sent without words is the picture alone, not an empty bubble above it. */}
      {message.body || message.attachments.length === 0 ? (
        <p
          className={clsx(
            "max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-base",
            look.className,
          )}
        >
          {message.body}
        </p>
      ) : null}
      <MessageAttachments attachments={message.attachments} align={isInbound ? "start" : "end"} />
      {isOptOut ? (
        <span className="px-1 text-xs font-semibold text-red-700" data-testid="opt-out-marker">
          Opted out with this message
        </span>
      ) : null}
      {!isInbound ? (
        <span
          className={clsx("px-1 text-xs", failed.has(message.status) ? "font-semibold text-red-700" : "text-slate-500")}
        >
          {failed.has(message.status)
            ? undeliveredText(message.errorCode)
            : (messageStatusWords[message.status] ?? message.status)}
        </span>
      ) : null}
    </li>
  );
}
