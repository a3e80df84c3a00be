// The lead's conversation(s), read-only here (the inbox is where people reply).
import { clsx } from "clsx";
import Link from "next/link";
import { BusinessTime } from "@/components/display/business-time";
import { MessageAttachments } from "@/components/messages/message-attachments";
import { messageAuthorLabel, threadModeWords, undeliveredText } from "@/components/display/plain-words";
import type { LeadDetail } from "@/lib/leads/get-lead";

export function LeadConversation({ threads }: { threads: LeadDetail["threads"] }) {
  if (threads.length === 0) return <p className="text-sm text-slate-500">No conversation yet.</p>;
  return (
    <div className="space-y-4">
      {threads.map((thread) => (
        <div key={thread.id} className="space-y-2">
          <div className="flex items-center justify-between text-xs text-slate-500">
            <span>{threadModeWords[thread.mode] ?? thread.mode}</span>
            <Link href={`/inbox/${thread.id}`} className="font-medium text-brand-700 hover:underline">
              Open in inbox
            </Link>
          </div>
          <ol className="space-y-2">
            {thread.messages.map((message) => (
              <li
                key={message.id}
                className={clsx("flex", message.direction === "inbound" ? "justify-start" : "justify-end")}
              >
                <div
                  className={clsx(
                    "max-w-[85%] rounded-2xl px-3 py-2 text-sm",
                    message.direction === "inbound" ? "bg-slate-100" : "bg-brand-600 text-white",
                  )}
                >
                  {message.body ? <p className="whitespace-pre-wrap break-words">{message.body}</p> : null}
                  {message.attachments.length > 0 ? (
                    <div className="mt-1">
                      <MessageAttachments
                        attachments={message.attachments}
                        align={message.direction === "inbound" ? "start" : "end"}
                      />
                    </div>
                  ) : null}
                  <p
                    className={clsx(
                      "mt-1 text-[11px]",
                      message.direction === "inbound" ? "text-slate-600" : "text-brand-50",
                    )}
                  >
                    {messageAuthorLabel(message)} · <BusinessTime value={message.createdAt} />
                    {message.status === "failed" || message.status === "undelivered"
                      ? ` · ${undeliveredText(message.errorCode)}`
                      : ""}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
