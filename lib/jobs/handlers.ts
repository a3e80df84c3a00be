// Which function handles which queue. Each domain owns its handler; this file only wires them.
import type { JobHandler } from "@/lib/jobs/worker";
import type { QueueName } from "@/lib/jobs/queues";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";
import { sendMessageJob } from "@/lib/telephony/send-message-job";
import { sweepOutboxJob } from "@/lib/telephony/sweep-outbox-job";
import { escalateJob } from "@/lib/notifications/escalate-job";
import { sendPushJob } from "@/lib/notifications/send-push-job";
import { processInboundMessage } from "@/lib/conversations/process-inbound-message";
import { runAiTurn } from "@/lib/ai/run-ai-turn";
import { handOffFailedTurn } from "@/lib/ai/hand-off-failed-turn";
import { sendDraftJob } from "@/lib/ai/drafts/send-draft-job";
import { runFollowUp } from "@/lib/conversations/follow-up";
import { pruneHousekeepingJob } from "@/lib/housekeeping/prune-housekeeping-job";
import { reconcileTwilioJob } from "@/lib/reconciliation/reconcile-job";
import { compactMetricRollups } from "@/lib/metrics/rollup";

export const jobHandlers: Partial<{ [Name in QueueName]: JobHandler<Name> }> = {
  "send-message": sendMessageJob,
  "sweep-outbox": sweepOutboxJob,
  "send-push": sendPushJob,
  escalate: escalateJob,
  "deliver-webhook": deliverWebhookJob,
  "process-inbound-message": processInboundMessage,
  "ai-turn": runAiTurn,
  "ai-turn-failed": handOffFailedTurn,
  "send-draft": sendDraftJob,
  "follow-up": runFollowUp,
  "prune-housekeeping": async () => {
    await pruneHousekeepingJob();
    // The dashboard's metric deltas of the past hour folded into its daily rollups (reads are exact either way).
    await compactMetricRollups();
  },
  "reconcile-twilio": reconcileTwilioJob,
};
