// A signed-in member's live stream (the inbox list, or one thread): at most MAX_STREAMS_PER_USER open at once per
// person on this instance (every tab and device of theirs holds one; more is a leak or an attack on the process),
// and the session is re-checked at every heartbeat, so a removed member or a changed password ends it.
import { getMember, type Member } from "@/lib/auth/session";
import { liveEventStream } from "@/lib/conversations/live-event-stream";
import { AppError } from "@/lib/errors";

export const MAX_STREAMS_PER_USER = 10;

const globalForStreams = globalThis as unknown as { ringbackOpenStreams?: Map<string, number> };
const openStreams = (globalForStreams.ringbackOpenStreams ??= new Map<string, number>());

export function openStreamCount(userId: string): number {
  return openStreams.get(userId) ?? 0;
}

export function memberEventStream(
  request: Request,
  member: Member,
  filter: { threadId?: string },
  options: { isTokenFree?: boolean; heartbeatMs?: number } = {},
): Response {
  const count = openStreamCount(member.userId);
  if (count >= MAX_STREAMS_PER_USER) {
    throw new AppError("rate_limited", "Too many live connections are open for you. Close a tab and try again.");
  }
  openStreams.set(member.userId, count + 1);
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    const left = openStreamCount(member.userId) - 1;
    if (left > 0) openStreams.set(member.userId, left);
    else openStreams.delete(member.userId);
  };
  try {
    return liveEventStream(
      request,
      { businessId: member.businessId, ...filter },
      {
        ...options,
        onClose: release,
        isSessionValid: async () => {
          const current = await getMember(request);
          return current?.userId === member.userId && current.businessId === member.businessId;
        },
      },
    );
  } catch (error) {
    release();
    throw error;
  }
}
