// The `ai-turn` job: when the human-priority window ends (or at once while the AI is active). Decides whether the
// AI may answer, then generates (streamed, takeover-abandonable), guards and sends the reply.
import { randomUUID } from "node:crypto";
import { APICallError } from "ai";
import { businessHoursSchema, defaultBusinessHours } from "@/lib/business/business-hours";
import { sql } from "kysely";
import { sqlDb, type Queryable } from "@/lib/db/kysely";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/record-event";
import type { Job } from "pg-boss";
import type { JobPayloads } from "@/lib/jobs/queues";
import { AI_GENERATION_STALE_MS } from "@/lib/jobs/recovery-timing";
import { logger } from "@/lib/log";
import { serializeError } from "@/lib/serialize-error";
import { isConsentKeyword } from "@/lib/consent/classify-consent";
import { isAiHeldBack } from "@/lib/conversations/ai-turn-rule";
import { checkReply, replyProfileOf } from "@/lib/ai/check-reply";
import { handOff } from "@/lib/ai/hand-off";
import { loadConversation } from "@/lib/ai/load-conversation";
import { runModelAssistant, type AssistantInput, type AssistantResult } from "@/lib/ai/model-assistant";
import { runScriptedAssistant } from "@/lib/ai/scripted-assistant";
import { withDisclosure } from "@/lib/ai/disclosure";
import { sendAiReply } from "@/lib/ai/send-ai-reply";
import { saveAiDraft } from "@/lib/ai/drafts/save-ai-draft";
import { splitSms } from "@/lib/ai/split-sms";
import { createTokenPublisher } from "@/lib/ai/token-publisher";
import { newTurnOutcome, type TurnContext } from "@/lib/ai/turn-context";
import { customerTexts } from "@/lib/language/customer-texts";
import { toReplyLanguage } from "@/lib/language/languages";
import { resolveCustomerLanguage } from "@/lib/language/resolve-customer-language";

/** Generations started by an `ai-turn` job attempt carry this prefix (then the job id and the attempt). */
const JOB_GENERATION_PREFIX = "gen_job_";

export async function runAiTurn(
  { threadId, reason }: JobPayloads["ai-turn"],
  job?: Pick<Job, "id" | "retryCount">,
): Promise<void> {
  const loaded = await loadTurnState(threadId);
  if (!loaded) return;
  const { thread, lead, business } = loaded;
  if (
    thread.mode === "human" ||
    thread.mode === "closed" ||
    lead.isOptedOut ||
    !(await hasUnansweredCustomerMessage(threadId)) || // a person (or an earlier turn) already answered
    (await hasPendingDraft(threadId)) // the AI's answer already waits for approval
  ) {
    // Nothing to answer: the thread no longer shows a turn as due (a later turn queued meanwhile keeps its own).
    await sqlDb()
      .updateTable("Thread")
      .set({ windowDeadline: null })
      .where("id", "=", threadId)
      .where("windowDeadline", "<=", new Date())
      .execute();
    return;
  }
  const base = { businessId: business.id, threadId, leadId: lead.id };
  const hours = businessHoursSchema.safeParse(business.businessHours);
  const businessHours = hours.success ? hours.data : defaultBusinessHours;

  if (isAiHeldBack(business, { reason, at: new Date() })) {
    // The professional is working and reachable: the notification stands, no AI.
    await sqlDb()
      .updateTable("Thread")
      .set({ isWaitingOnPerson: true, windowDeadline: null, updatedAt: new Date() })
      .where("id", "=", threadId)
      .execute();
    await recordEvent(
      "thread.waiting_on_person",
      { reason: business.aiEnabled ? "business_hours" : "ai_disabled" },
      { ...base, actor: { kind: "system" } },
    );
    return;
  }

  // A thread has at most one active `ai-turn` job (the queue is stately, keyed by thread). So when this attempt of
  // a job runs, a generation another job attempt holds belongs to an attempt pg-boss no longer counts as active:
  // its worker died (adopted, lib/jobs/adopt-orphaned-jobs.ts) or froze. This attempt takes it over at once, and
  // an older attempt still running sees it lost its generation and stops. A generation with no job behind it is
  // abandoned once it is older than the longest live turn.
  const generationId = job ? `${JOB_GENERATION_PREFIX}${job.id}_${job.retryCount}` : `gen_${randomUUID()}`;
  const claim = await sqlDb()
    .updateTable("Thread")
    .set({
      aiGenerationId: generationId,
      mode: "ai",
      aiTurnCount: sql<number>`"aiTurnCount" + 1`,
      windowDeadline: null,
      isWaitingOnPerson: false,
      updatedAt: sql<Date>`now()`,
    })
    .where("id", "=", threadId)
    .where("mode", "in", ["auto", "ai"])
    .where((eb) =>
      eb.or([
        eb("aiGenerationId", "is", null),
        ...(job
          ? [eb(sql<string>`left("aiGenerationId", ${JOB_GENERATION_PREFIX.length})`, "=", JOB_GENERATION_PREFIX)]
          : []),
        eb("updatedAt", "<", sql<Date>`now() - ${AI_GENERATION_STALE_MS} * interval '1 millisecond'`),
      ]),
    )
    .executeTakeFirst();
  if (claim.numUpdatedRows === 0n) {
    const current = await sqlDb().selectFrom("Thread").select("mode").where("id", "=", threadId).executeTakeFirst();
    if (!current || current.mode === "human" || current.mode === "closed") return;
    throw new Error("another AI generation is in progress in this thread; retrying later");
  }
  if (thread.mode === "auto") {
    await recordEvent("thread.mode_changed", { from: "auto", to: "ai", reason }, { ...base, actor: { kind: "ai" } });
  }

  const context: TurnContext = { ...base, generationId };
  const outcome = newTurnOutcome();
  const publisher = createTokenPublisher(context);
  const abort = new AbortController();
  const watcher = setInterval(() => {
    void sqlDb()
      .selectFrom("Thread")
      .select("aiGenerationId")
      .where("id", "=", threadId)
      .executeTakeFirst()
      .then((row) => row?.aiGenerationId !== generationId && abort.abort())
      .catch(() => undefined);
  }, 300);

  const isTurnLimitReached = thread.aiTurnCount >= business.aiMaxTurns;
  const assistant = env().ai.apiKey ? runModelAssistant : runScriptedAssistant;
  const conversation = await loadConversation(threadId);
  const language = await resolveCustomerLanguage({
    lead,
    customerTexts: conversation.filter((line) => line.role === "user").map((line) => line.text),
  });
  const texts = customerTexts[toReplyLanguage(language)];
  const input: AssistantInput = {
    context,
    outcome,
    profile: { ...business, businessHours },
    conversation,
    lead,
    language,
    publisher,
    abortSignal: abort.signal,
  };
  let result: AssistantResult | null = null;
  let attempts = 0;
  try {
    if (isTurnLimitReached) await handOff(context, outcome, { reason: "the AI reached its turn limit" }, "");
    while (!isTurnLimitReached && !result && attempts < 2 && !abort.signal.aborted) {
      attempts++;
      try {
        result = await assistant(input);
      } catch (error) {
        if (abort.signal.aborted) break;
        logger.warn({ err: error, threadId, attempt: attempts }, "AI generation failed");
        await recordEvent(
          "ai.error",
          { generationId, attempt: attempts, error: serializeError(error).message.slice(0, 300) },
          { ...base, actor: { kind: "ai" } },
        );
        // A refusal the provider says is final (a wrong API key's 401, a 400) would only be refused again.
        if (APICallError.isInstance(error) && !error.isRetryable) break;
      }
    }
  } finally {
    clearInterval(watcher);
    await publisher.close();
  }
  if (abort.signal.aborted) {
    await recordEvent("ai.abandoned", { generationId, stage: "streaming" }, { ...base, actor: { kind: "ai" } });
    await publisher.finish("ai.abandoned");
    return;
  }

  let text: string;
  if (isTurnLimitReached) text = texts.handedOff;
  else if (!result) {
    // The model failed twice: a short safe message, and a person takes it from here.
    outcome.hasFailed = true;
    await handOff(context, outcome, { reason: "the AI could not answer (model error)" }, "");
    text = texts.modelFailed(business.name);
  } else {
    text =
      result.text || (outcome.isHandedOff ? texts.handedOff : outcome.isClosed ? texts.closed : texts.safeFallback);
    const verdict = checkReply(text, replyProfileOf(business));
    if (!verdict.isAllowed) {
      await recordEvent(
        "ai.blocked_reply",
        { generationId, reasons: verdict.reasons, blockedText: text },
        { ...base, actor: { kind: "ai" } },
      );
      text = texts.safeFallback;
    }
  }

  const usageEvent = {
    generationId,
    reason,
    model: result?.model ?? (isTurnLimitReached ? "none" : "failed"),
    usage: result?.usage ?? null,
    attempts,
  };
  // One generation at a time per thread (the claim above): the first AI message is decided without a race. A draft
  // is introduced too: until one is sent, every draft is the thread's first AI message (a sent draft is the AI's).
  text = await withDisclosure({ threadId, business, language: toReplyLanguage(language), text });
  if (business.aiReplyMode === "approve") {
    // "AI suggests, I approve": the reply waits as a draft for a person (or the owner's auto-send delay).
    const parts = splitSms(text).slice(0, 3);
    const saved = await saveAiDraft({
      context,
      outcome,
      text: parts.join(" "),
      autoSendMinutes: business.aiDraftAutoSendMinutes,
      usageEvent,
    });
    logger.info({ threadId, model: result?.model, usage: result?.usage, isDrafted: saved.isSaved }, "AI turn drafted");
    if (!saved.isSaved)
      await recordEvent("ai.abandoned", { generationId, stage: "sending" }, { ...base, actor: { kind: "ai" } });
    await publisher.finish(saved.isSaved ? "ai.done" : "ai.abandoned", { draftId: saved.draftId });
    return;
  }
  const sent = await sendAiReply({
    context,
    outcome,
    parts: splitSms(text).slice(0, 3),
    usageEvent,
  });
  logger.info({ threadId, model: result?.model, usage: result?.usage, isSent: sent.isSent }, "AI turn finished");
  if (!sent.isSent)
    await recordEvent("ai.abandoned", { generationId, stage: "sending" }, { ...base, actor: { kind: "ai" } });
  await publisher.finish(sent.isSent ? "ai.done" : "ai.abandoned", { messageIds: sent.messageIds });
}

/** The thread, its lead and its business (with its numbers, oldest first) as the turn needs them: typed SQL. */
async function loadTurnState(threadId: string) {
  const db = sqlDb();
  const thread = await db.selectFrom("Thread").selectAll().where("id", "=", threadId).executeTakeFirst();
  if (!thread) return null;
  const [lead, business, numbers] = await Promise.all([
    db.selectFrom("Lead").selectAll().where("id", "=", thread.leadId).executeTakeFirstOrThrow(),
    db.selectFrom("Business").selectAll().where("id", "=", thread.businessId).executeTakeFirstOrThrow(),
    db
      .selectFrom("PhoneNumber")
      .select("e164")
      .where("businessId", "=", thread.businessId)
      .orderBy("createdAt", "asc")
      .execute(),
  ]);
  return { thread, lead, business: { ...business, phoneNumbers: numbers.map((number) => number.e164) } };
}

/** Is an AI draft waiting for approval in this thread? (A new customer message discards it first.) */
async function hasPendingDraft(threadId: string): Promise<boolean> {
  const draft = await sqlDb()
    .selectFrom("AiDraft")
    .select("id")
    .where("threadId", "=", threadId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Boolean(draft);
}

/** Is the customer's latest (non-keyword) message still without an answer from the AI or a person? */
export async function hasUnansweredCustomerMessage(threadId: string, db: Queryable = sqlDb()): Promise<boolean> {
  const lastInbound = await db
    .selectFrom("Message")
    .select(["body", "createdAt"])
    .where("threadId", "=", threadId)
    .where("direction", "=", "inbound")
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!lastInbound || isConsentKeyword(lastInbound.body)) return false;
  const answered = await db
    .selectFrom("Message")
    .select("id")
    .where("threadId", "=", threadId)
    .where("direction", "=", "outbound")
    .where("authorKind", "in", ["ai", "user"])
    .where("createdAt", ">=", lastInbound.createdAt)
    .limit(1)
    .executeTakeFirst();
  return !answered;
}
