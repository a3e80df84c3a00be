// How fast work left behind by a crashed process is picked up again, all in one place: every bound below follows
// from the hard timeouts of the calls a job makes, so changing a timeout moves the rest with it.
//
// The promise: after a crash (SIGKILL, power loss) an SMS whose send was queued or in flight goes out within 30 s
// of the restart, or within 30 s of the crash when another worker instance is alive, and still exactly once.
//
//   crash ──► the job's heartbeat lapses (≤ JOB_HEARTBEAT_SECONDS; a worker that boots adopts at once instead)
//         ──► a worker's adoption pass fails the orphaned attempt (≤ ADOPTION_INTERVAL_MS later) so pg-boss
//             retries it (its retryDelay, 1–2 s for a first retry) and the worker is woken for it
//         ──► the message's `sending` claim is stale (SEND_CLAIM_STALE_MS after the attempt stamped it; the crash
//             came after the stamp, so by now it mostly is) ──► ask Twilio whether it went out, then adopt or send.
//   With another instance alive: 10 + 3.4 + 2 + ~1 s ≈ 16.4 s after the crash. After a restart: the claim's
//   12.5 s from the stamp, or the boot, whichever is later, + ~1 s.

/** Every Twilio REST call (send, list, Lookup) is aborted after this: no request of ours outlives it. */
export const TWILIO_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Added to a request's timeout wherever we must be sure the request is over: the event-loop turn between stamping a
 * claim and the request leaving, and Twilio finishing a request whose client already gave up.
 */
const REQUEST_SLACK_MS = 2_500;

/**
 * A `sending` claim older than this belongs to an attempt whose send request is over, answered or not (the attempt
 * re-stamps the claim right before the create request whenever another Twilio call came first, so only one request
 * is ever in the window). A later attempt may take it over: it asks Twilio before sending again. 10 s + 2.5 s.
 */
export const SEND_CLAIM_STALE_MS = TWILIO_REQUEST_TIMEOUT_MS + REQUEST_SLACK_MS;

/**
 * A send attempt renews its claim right before the create request when this much passed since it claimed (a
 * Lookup, the look before a resend, a busy event loop): half the slack, so the claim's window stays one request.
 */
export const CLAIM_RENEW_AFTER_MS = REQUEST_SLACK_MS / 2;

/**
 * The longest a live `send-message` attempt runs: up to three Twilio calls in a row (line-type Lookup, the look
 * before a resend, the create), each bounded by the timeout, plus the slack for its database writes. pg-boss fails
 * (and retries) an attempt still running after this; a live one never gets there. ⌈3 × 10 s + 2.5 s⌉ = 33 s.
 */
export const SEND_MESSAGE_EXPIRE_SECONDS = Math.ceil((3 * TWILIO_REQUEST_TIMEOUT_MS + REQUEST_SLACK_MS) / 1000);

/** Each of the AI turn's model calls is aborted after this (lib/ai/model-assistant.ts). */
export const AI_MODEL_TIMEOUT_MS = 20_000;

/**
 * The longest a live AI turn holds its thread's generation: two model calls (the first may fail), then storing and
 * queueing the reply (the SMS itself goes out through `send-message`). A generation older than this, with no sign
 * of its job, is abandoned. 2 × 20 s + 2.5 s = 42.5 s.
 */
export const AI_GENERATION_STALE_MS = 2 * AI_MODEL_TIMEOUT_MS + REQUEST_SLACK_MS;

/** pg-boss's limit for one AI turn attempt: ⌈42.5 s⌉ = 43 s. */
export const AI_TURN_EXPIRE_SECONDS = Math.ceil(AI_GENERATION_STALE_MS / 1000);

/** Web push requests are aborted after this (lib/notifications/send-to-subscription.ts). */
export const PUSH_REQUEST_TIMEOUT_MS = 10_000;

/** One push job sends to a member's devices in parallel: one request's bound plus the slack. ⌈12.5 s⌉ = 13 s. */
export const SEND_PUSH_EXPIRE_SECONDS = Math.ceil((PUSH_REQUEST_TIMEOUT_MS + REQUEST_SLACK_MS) / 1000);

/**
 * A worker refreshes the heartbeat of every job it holds this often; a job whose heartbeat is older than
 * JOB_HEARTBEAT_SECONDS lost its worker (crashed, or frozen for three refreshes in a row). pg-boss's smallest
 * heartbeat is 10 s; a refresh every 10/3 s tolerates two missed refreshes (a busy event loop) before a live job
 * would look lost.
 */
export const JOB_HEARTBEAT_SECONDS = 10;
export const JOB_HEARTBEAT_REFRESH_SECONDS = JOB_HEARTBEAT_SECONDS / 3;

/**
 * How often a worker looks for orphaned jobs (and beats in the worker registry): once per heartbeat refresh, so a
 * lapsed heartbeat is acted on within 3.4 s.
 */
export const ADOPTION_INTERVAL_MS = Math.round(JOB_HEARTBEAT_REFRESH_SECONDS * 1000);

/** A registered worker that has not beaten for three adoption intervals is gone (≈ 10 s). */
export const WORKER_QUIET_MS = 3 * ADOPTION_INTERVAL_MS;

/**
 * On SIGTERM the worker gets this long to finish what it holds: an SMS send in flight always ends within the
 * Twilio timeout, and storing its result takes a transaction (half a second is ample). What is still running after
 * it (an AI turn) is failed by pg-boss and retried at once by another worker. With the 3 s request drain before
 * it, 3 + 10.5 s stays under the 14 s hard limit and the 15 s promise.
 */
export const WORKER_DRAIN_MS = TWILIO_REQUEST_TIMEOUT_MS + 500;
