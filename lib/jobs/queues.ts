// Every durable job the product runs, with its retry policy. Domain code enqueues by these names.
// Every queue's jobs carry a heartbeat (JOB_HEARTBEAT_SECONDS): a job whose worker died is found by its lapsed
// heartbeat and adopted by another worker (lib/jobs/adopt-orphaned-jobs.ts), and each expiry is the longest a live
// attempt can run (lib/jobs/recovery-timing.ts), so neither waits out a round number.
import type { Queue } from "pg-boss";
import {
  AI_TURN_EXPIRE_SECONDS,
  JOB_HEARTBEAT_SECONDS,
  SEND_MESSAGE_EXPIRE_SECONDS,
  SEND_PUSH_EXPIRE_SECONDS,
} from "@/lib/jobs/recovery-timing";

const heartbeatSeconds = JOB_HEARTBEAT_SECONDS;

export const queues = {
  /** send one stored outgoing Message through Twilio (or the simulator): exactly once */
  sendMessage: {
    name: "send-message",
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 120,
    expireInSeconds: SEND_MESSAGE_EXPIRE_SECONDS,
    heartbeatSeconds,
  },
  /** a customer's message after the webhook answered: keywords, notifications, the window */
  processInboundMessage: {
    name: "process-inbound-message",
    retryLimit: 10,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    heartbeatSeconds,
  },
  /** an `ai-turn` job pg-boss failed for good (every retry failed, expired or lost its worker): its dead letter. The
   *  conversation goes to a person (lib/ai/hand-off-failed-turn.ts). Listed before `ai-turn`, which names it */
  aiTurnFailed: {
    name: "ai-turn-failed",
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 60,
    heartbeatSeconds,
  },
  /** the AI's turn in a thread, when the human-priority window ends. `stately` + singletonKey = threadId: at most one
   *  queued and one active turn per thread (a second message in the window does not schedule a second turn). Its
   *  final failure is copied to `ai-turn-failed` by pg-boss, in the statement that fails it */
  aiTurn: {
    name: "ai-turn",
    policy: "stately",
    deadLetter: "ai-turn-failed",
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 30,
    expireInSeconds: AI_TURN_EXPIRE_SECONDS,
    heartbeatSeconds,
  },
  /** an AI draft nobody acted on, sent when the owner's auto-send delay ends (if it is still the pending one) */
  sendDraft: { name: "send-draft", retryLimit: 3, retryDelay: 5, retryBackoff: true },
  /** web push to a member's devices */
  sendPush: {
    name: "send-push",
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: SEND_PUSH_EXPIRE_SECONDS,
    heartbeatSeconds,
  },
  /** an urgent notification nobody opened: SMS (and a call for emergencies) to the professional */
  escalate: { name: "escalate", retryLimit: 3, retryDelay: 5, retryBackoff: true, heartbeatSeconds },
  /** the single follow-up text to a customer who never answered */
  followUp: { name: "follow-up", retryLimit: 3, retryDelay: 30, retryBackoff: true, heartbeatSeconds },
  /** one delivery of an outgoing CRM webhook */
  deliverWebhook: {
    name: "deliver-webhook",
    retryLimit: 8,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 3600,
    heartbeatSeconds,
  },
  /** finds outgoing messages whose job was lost (e.g. a crash between commit and enqueue) and re-enqueues them */
  sweepOutbox: { name: "sweep-outbox", retryLimit: 0, heartbeatSeconds },
  /** drops expired rate-limit rows and old health counters (tables an attacker could otherwise grow), and folds the
   *  dashboard's metric deltas into its daily rollups (lib/metrics/rollup.ts) */
  pruneHousekeeping: { name: "prune-housekeeping", retryLimit: 0, heartbeatSeconds },
  /** reconciliation with Twilio's Calls and Messages lists: the sweep (no businessId) or one business's run.
   *  `stately` + singletonKey: at most one active and one queued run per business across every instance */
  reconcileTwilio: {
    name: "reconcile-twilio",
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: 600,
    heartbeatSeconds,
  },
} as const satisfies Record<string, Queue>;

export type QueueKey = keyof typeof queues;
export type QueueName = (typeof queues)[QueueKey]["name"];

export type JobPayloads = {
  "send-message": { messageId: string };
  "process-inbound-message": { messageId: string };
  "ai-turn": { threadId: string; reason: "window" | "ai_active" | "let_ai_handle" };
  /** pg-boss copies the failed `ai-turn` job's data */
  "ai-turn-failed": JobPayloads["ai-turn"];
  "send-draft": { draftId: string };
  "send-push": { notificationId: string };
  escalate: { notificationId: string };
  "follow-up": { threadId: string };
  "deliver-webhook": { deliveryId: string };
  "sweep-outbox": Record<string, never>;
  "prune-housekeeping": Record<string, never>;
  "reconcile-twilio": { businessId?: string; force?: boolean };
};
