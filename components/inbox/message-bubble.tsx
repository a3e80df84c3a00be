// One message in the chat: the customer on the left; the auto-reply, the AI and each team member on the right,
// each with its own colour and label.
import { clsx } from "clsx";
import { BusinessTime } from "@/components/display/business-time";
import {
  aiMessageLabel,
  messageStatusWords,
  systemMessageLabel,
  undeliveredText,
} from "@/components/display/plain-words";
import type { ThreadMessage } from "@/components/inbox/types";
import { MessageAttachments } from "@/components/messages/message-attachments";

function author(message: ThreadMessage): { label: string; className: string } {
  switch (message.authorKind) {
    case "customer":
      return { label: "Customer", className: "bg-white text-slate-900 ring-1 ring-slate-200" };
    case "system":
      return {
        label: systemMessageLabel(message.purpose),
        className: "bg-slate-200 text-slate-900",
      };
    case "ai":
      // An approved draft names who sent it.
      return {
        label: aiMessageLabel(message.authorName),
        className: "bg-violet-600 text-white",
      };
    case "user":
      return { label: message.authorName || "Team member", className: "bg-brand-600 text-white" };
    default: {
      const unreachable: never = message.authorKind;
      return unreachable;
    }
  }
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
