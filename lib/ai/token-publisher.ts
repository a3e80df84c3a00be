// Streams a reply to the live view: deltas are batched (~50 ms) into `ai.token` live events of one generation.
import { publishLive } from "@/lib/events/bus";
import { logger } from "@/lib/log";
import type { TurnContext } from "@/lib/ai/turn-context";

export function createTokenPublisher(context: TurnContext, intervalMs = 50) {
  let pending = "";
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = null;
    if (!pending) return;
    const delta = pending;
    pending = "";
    chain = chain
      .then(() =>
        publishLive({
          businessId: context.businessId,
          threadId: context.threadId,
          type: "ai.token",
          data: { generationId: context.generationId, delta },
        }),
      )
      .catch((error: unknown) => logger.warn({ err: error }, "ai token publish failed"));
  };
  return {
    push(delta: string) {
      pending += delta;
      timer ??= setTimeout(flush, intervalMs);
    },
    /** publishes what is left and resolves when every batch went out */
    async close() {
      if (timer) clearTimeout(timer);
      flush();
      await chain;
    },
    finish(type: "ai.done" | "ai.abandoned", data: Record<string, unknown> = {}) {
      return publishLive({
        businessId: context.businessId,
        threadId: context.threadId,
        type,
        data: { generationId: context.generationId, ...data },
      }).catch((error: unknown) => logger.warn({ err: error }, "ai finish publish failed"));
    },
  };
}

export type TokenPublisher = ReturnType<typeof createTokenPublisher>;
