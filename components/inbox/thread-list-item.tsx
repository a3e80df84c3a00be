// One conversation row: who, what they need, the last message, who holds it, and whether it needs you. Keyboard focus
// is a solid ring drawn inside the row (the list clips anything outside its rounded corners).
import Link from "next/link";
import { clsx } from "clsx";
import { useDisplay } from "@/components/display/display-context";
import { AiCountdown } from "@/components/inbox/ai-countdown";
import { relativeTime } from "@/components/inbox/format";
import { LanguageBadge } from "@/components/inbox/language-badge";
import { ModeBadge } from "@/components/inbox/mode-badge";
import type { ThreadRow } from "@/components/inbox/types";

const authorPrefix: Record<string, string> = { ai: "AI: ", user: "You: ", system: "Auto: " };

export function ThreadListItem({
  thread,
  receivedAt,
  onDue,
}: {
  thread: ThreadRow;
  /** when the list arrived (Date.now()), for the countdown */
  receivedAt: number;
  onDue?: () => void;
}) {
  const display = useDisplay();
  const who = thread.lead.name || display.phone(thread.customerPhone);
  const isUnread = thread.unreadCount > 0;
  const isEmergency = thread.lead.urgency === "emergency";
  return (
    <li data-testid="thread-item" data-thread-id={thread.id}>
      <Link
        href={`/inbox/${thread.id}`}
        className="flex min-h-16 gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-brand-600"
      >
        <span className="mt-2 w-2.5 shrink-0" aria-hidden>
          {isUnread ? <span className="block h-2.5 w-2.5 rounded-full bg-brand-600" data-testid="unread-dot" /> : null}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-2">
            <span className={clsx("truncate text-base", isUnread ? "font-bold" : "font-semibold")}>{who}</span>
            {isUnread ? <span className="sr-only">({thread.unreadCount} unread)</span> : null}
            <span className="ml-auto shrink-0 text-sm text-slate-500">
              {relativeTime(thread.lastActivityAt, display.timeZone)}
            </span>
          </span>
          <span className="mt-1 flex flex-wrap items-center gap-1.5">
            <ModeBadge mode={thread.mode} />
            <LanguageBadge lead={thread.lead} />
            {thread.waitingOnPerson ? (
              <span
                className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white"
                data-testid="waiting-marker"
              >
                Waiting for you
              </span>
            ) : (
              <AiCountdown look="chip" deadline={{ ...thread, receivedAt }} onDue={onDue} />
            )}
            {thread.lead.service ? (
              <span className="max-w-48 truncate rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {thread.lead.service}
              </span>
            ) : null}
            {thread.lead.urgency === "high" || isEmergency ? (
              <span
                className={clsx(
                  "rounded-full px-2 py-0.5 text-xs font-semibold",
                  isEmergency ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800",
                )}
              >
                {isEmergency ? "Emergency" : "Urgent"}
              </span>
            ) : null}
          </span>
          <span className={clsx("mt-1 block truncate text-sm", isUnread ? "text-slate-900" : "text-slate-600")}>
            {thread.lastMessage
              ? `${authorPrefix[thread.lastMessage.authorKind ?? ""] ?? ""}${thread.lastMessage.body}`
              : "Missed call"}
          </span>
        </span>
      </Link>
    </li>
  );
}
