// The real assistant: AI SDK streamText against an OpenAI-compatible Chat Completions endpoint, streamed, bounded
// (4 steps, ~300 output tokens, 20 s), with the tools bound to this thread.
import { createOpenAI } from "@ai-sdk/openai";
import { stepCountIs, streamText } from "ai";
import { env } from "@/lib/env";
import { AI_MODEL_TIMEOUT_MS } from "@/lib/jobs/recovery-timing";
import { buildSystemPrompt, type AiBusinessProfile } from "@/lib/ai/build-system-prompt";
import { toModelMessages, type ConversationLine } from "@/lib/ai/load-conversation";
import type { TokenPublisher } from "@/lib/ai/token-publisher";
import { createThreadTools } from "@/lib/ai/tools";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export type AssistantInput = {
  context: TurnContext;
  outcome: TurnOutcome;
  profile: AiBusinessProfile;
  conversation: ConversationLine[];
  lead: {
    name: string | null;
    address: string | null;
    service: string | null;
    problem: string | null;
    urgency: string;
    preferredTime: string | null;
  };
  /** ISO 639-1 code of the customer's language: the reply is written in it. */
  language: string;
  publisher: TokenPublisher;
  abortSignal: AbortSignal;
};

export type AssistantResult = {
  text: string;
  model: string;
  usage: { inputTokens?: number; outputTokens?: number } | null;
};

/** How long one model call may take before it is abandoned (retried once, then the safe fallback). */
export const modelLimits = { timeoutMs: AI_MODEL_TIMEOUT_MS };

export async function runModelAssistant(input: AssistantInput): Promise<AssistantResult> {
  const { ai } = env();
  const provider = createOpenAI({ baseURL: ai.baseUrl, apiKey: ai.apiKey });
  const result = streamText({
    model: provider.chat(ai.model),
    system: buildSystemPrompt(input.profile, { language: input.language }),
    messages: toModelMessages(input.conversation),
    tools: createThreadTools(input.context, input.outcome),
    stopWhen: stepCountIs(4),
    maxOutputTokens: 300,
    maxRetries: 0,
    abortSignal: AbortSignal.any([input.abortSignal, AbortSignal.timeout(modelLimits.timeoutMs)]),
    // Errors arrive as `error` parts below and are handled there (retry once, then a fallback); no console noise.
    onError: () => undefined,
  });
  let text = "";
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      text += part.text;
      input.publisher.push(part.text);
    } else if (part.type === "finish-step" && text && !/\s$/.test(text)) {
      text += " ";
    } else if (part.type === "error") {
      throw part.error instanceof Error ? part.error : new Error(String(part.error));
    } else if (part.type === "abort") {
      throw new Error("model stream aborted");
    }
  }
  const usage = await result.totalUsage;
  return {
    text: text.trim(),
    model: ai.model,
    usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
  };
}
