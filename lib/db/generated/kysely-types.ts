import type { ColumnType } from "kysely";
export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

import type { RoutingMode, Role, LeadStatus, LeadSource, Urgency, LanguageSource, ThreadMode, Direction, AuthorKind, MessagePurpose, MessageStatus, CallSkipReason, CallDetectedBy, ConsentAction, NotificationKind, AiReplyMode, DraftStatus, DeliveryStatus } from "./kysely-enums";

export type AiDraft = {
    id: string;
    businessId: string;
    threadId: string;
    /**
     * the AI generation that wrote it
     */
    generationId: string;
    /**
     * the text as the AI wrote it (after the reply guard)
     */
    body: string;
    /**
     * the text that went out, when a person edited it before sending
     */
    sentBody: string | null;
    status: Generated<DraftStatus>;
    /**
     * why it left `pending`: sent, discarded, taken_over, manual_reply, customer_message, superseded
     */
    resolution: string | null;
    resolvedByUserId: string | null;
    resolvedAt: Timestamp | null;
    /**
     * when it goes out on its own unless someone acts first; null = it waits for a person
     */
    autoSendAt: Timestamp | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type AppSetting = {
    key: string;
    value: unknown;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type Business = {
    id: string;
    name: string;
    timezone: Generated<string>;
    /**
     * { mon: [{ open: "08:00", close: "17:00" }], ... sun: [] } in the business's timezone
     */
    businessHours: unknown;
    available: Generated<boolean>;
    routingMode: Generated<RoutingMode>;
    forwardTo: string | null;
    ringTimeoutSeconds: Generated<number>;
    whisperEnabled: Generated<boolean>;
    /**
     * a `completed` dial shorter than this counts as missed (carrier voicemail picked up)
     */
    minAnsweredSeconds: Generated<number>;
    repeatWindowMinutes: Generated<number>;
    /**
     * E.164 numbers that never get a text (family, suppliers)
     */
    ignoreList: Generated<string[]>;
    autoReplyTemplate: string;
    /**
     * the Spanish auto-reply, sent when autoReplyLanguage is "es" or "en+es"
     */
    autoReplyTemplateEs: Generated<string>;
    /**
     * "en", "es" or "en+es" (both in one SMS)
     */
    autoReplyLanguage: Generated<string>;
    greetingMessage: Generated<string>;
    lookupEnabled: Generated<boolean>;
    followUpEnabled: Generated<boolean>;
    followUpDelayMinutes: Generated<number>;
    escalationEnabled: Generated<boolean>;
    escalationDelayMinutes: Generated<number>;
    emergencyCallEnabled: Generated<boolean>;
    /**
     * text fixed safety advice at once when a customer reports an emergency (gas, flooding…)
     */
    emergencyAdvice: Generated<boolean>;
    aiEnabled: Generated<boolean>;
    aiInstructions: Generated<string>;
    aiMaxTurns: Generated<number>;
    /**
     * the first AI-written message of a thread says it is the business's virtual assistant
     */
    aiDisclosure: Generated<boolean>;
    /**
     * that introduction, with {business}; empty = the default wording in the customer's language
     */
    aiDisclosureText: Generated<string>;
    /**
     * `approve`: the AI's replies wait as drafts until a member sends or discards them
     */
    aiReplyMode: Generated<AiReplyMode>;
    /**
     * minutes after which a draft nobody acted on is sent on its own; null = never
     */
    aiDraftAutoSendMinutes: number | null;
    /**
     * the human-priority window in seconds; null: the server's AI_ENGAGE_DELAY_SECONDS
     */
    aiEngageDelaySeconds: number | null;
    services: Generated<string>;
    serviceArea: Generated<string>;
    bookingUrl: string | null;
    /**
     * prices the business chooses to state; the AI may quote nothing else
     */
    priceList: Generated<string>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type Call = {
    id: string;
    businessId: string;
    leadId: string | null;
    threadId: string | null;
    callSid: string;
    direction: Generated<Direction>;
    fromNumber: string;
    toNumber: string;
    /**
     * Twilio CallStatus of the parent call
     */
    status: Generated<string>;
    /**
     * DialCallStatus of the professional's leg (ring_first)
     */
    dialStatus: string | null;
    dialDurationSec: number | null;
    isMissed: boolean | null;
    /**
     * no-answer | busy | failed | canceled | short_answer | not_screened | forwarded | no_forward_to (a CHECK: lib/calls/miss-reason.ts)
     */
    missReason: string | null;
    skipReason: CallSkipReason | null;
    isRepeat: Generated<boolean>;
    isTest: Generated<boolean>;
    autoReplyMessageId: string | null;
    recordingSid: string | null;
    voicemailUrl: string | null;
    voicemailDurationSec: number | null;
    voicemailTranscript: string | null;
    /**
     * the professional pressed 1 on the whisper screen: the call was taken, not picked up by voicemail
     */
    screenedAt: Timestamp | null;
    /**
     * when the webhook telling us the call was missed arrived (or reconciliation found it)
     */
    detectedAt: Timestamp | null;
    detectedBy: Generated<CallDetectedBy>;
    smsAcceptedAt: Timestamp | null;
    smsDeliveredAt: Timestamp | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type ConsentChange = {
    id: string;
    businessId: string;
    leadId: string | null;
    phone: string;
    action: ConsentAction;
    /**
     * keyword | free_text | ai_tool | twilio_error | manual
     */
    source: string;
    keyword: string | null;
    messageSid: string | null;
    /**
     * the inbound Message that carried the change, when there is one
     */
    messageId: string | null;
    /**
     * the customer's own words when they opted out in free text, or the model's reason for its opt_out call
     */
    reason: string | null;
    createdAt: Generated<Timestamp>;
};
export type Event = {
    id: Generated<string>;
    businessId: string;
    threadId: string | null;
    leadId: string | null;
    callId: string | null;
    type: string;
    /**
     * system | customer | ai | user | twilio
     */
    actorKind: string;
    actorUserId: string | null;
    payload: Generated<unknown>;
    createdAt: Generated<Timestamp>;
};
export type HealthCounter = {
    kind: string;
    /**
     * the business it concerns, or "" when none can be trusted yet (a bad signature comes before any business)
     */
    scope: Generated<string>;
    windowStart: Timestamp;
    count: Generated<number>;
    lastAt: Generated<Timestamp>;
};
export type Lead = {
    id: string;
    businessId: string;
    phone: string;
    name: string | null;
    address: string | null;
    service: string | null;
    problem: string | null;
    urgency: Generated<Urgency>;
    preferredTime: string | null;
    notes: Generated<string>;
    status: Generated<LeadStatus>;
    source: Generated<LeadSource>;
    valueCents: number | null;
    isOptedOut: Generated<boolean>;
    optedOutAt: Timestamp | null;
    /**
     * ISO 639-1 code of the customer's language ("en", "es", …); English until detected or set
     */
    language: Generated<string>;
    languageSource: Generated<LanguageSource>;
    contactedAt: Timestamp | null;
    qualifiedAt: Timestamp | null;
    closedAt: Timestamp | null;
    statusChangedAt: Generated<Timestamp>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type Membership = {
    id: string;
    userId: string;
    businessId: string;
    role: Generated<Role>;
    /**
     * the member's own phone, for escalation SMS and emergency calls
     */
    phone: string | null;
    /**
     * which events notify this member: { missed_call, customer_reply, ai_handoff } booleans
     */
    notifyPrefs: Generated<unknown>;
    /**
     * quiet hours in the business timezone, "HH:MM"; emergencies ignore them
     */
    quietStart: string | null;
    quietEnd: string | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type Message = {
    id: string;
    businessId: string;
    threadId: string;
    leadId: string;
    direction: Direction;
    authorKind: AuthorKind;
    authorUserId: string | null;
    purpose: MessagePurpose;
    body: string;
    fromNumber: string;
    toNumber: string;
    /**
     * Twilio's id: unique, so a redelivered webhook or a retried send never stores twice
     */
    messageSid: string | null;
    status: MessageStatus;
    errorCode: number | null;
    errorMessage: string | null;
    mediaUrls: Generated<string[]>;
    /**
     * MediaContentType0…N as Twilio sent them, index for index with mediaUrls
     */
    mediaContentTypes: Generated<string[]>;
    sendAttempts: Generated<number>;
    sendStartedAt: Timestamp | null;
    /**
     * an inbound message whose keywords, notification and AI scheduling ran (the inbound job's idempotency marker)
     */
    processedAt: Timestamp | null;
    createdAt: Generated<Timestamp>;
    sentAt: Timestamp | null;
    deliveredAt: Timestamp | null;
    failedAt: Timestamp | null;
    updatedAt: Timestamp;
};
export type MetricDaily = {
    businessId: string;
    timezone: string;
    day: Timestamp;
    kind: string;
    dim: Generated<string>;
    num: Generated<string>;
    /**
     * local day of `at2` ("" when none), YYYY-MM-DD
     */
    day2: Generated<string>;
    n: number;
    cents: Generated<string>;
};
export type MetricDelta = {
    id: Generated<string>;
    businessId: string;
    kind: string;
    at: Timestamp;
    at2: Timestamp | null;
    dim: Generated<string>;
    num: Generated<string>;
    n: number;
    cents: Generated<string>;
};
export type MetricFact = {
    id: Generated<string>;
    businessId: string;
    /**
     * "call:<id>", "lead:<id>" or "thread:<id>": the row whose state these facts come from
     */
    owner: string;
    kind: string;
    at: Timestamp;
    /**
     * funnel stages: when the same lead last reached this stage before (null: never), so a lead counts once
     */
    at2: Timestamp | null;
    dim: Generated<string>;
    /**
     * a dimension with a number: the response time in ms for `latency`, 1 when captured for `call`
     */
    num: Generated<string>;
    cents: Generated<string>;
};
export type Notification = {
    id: string;
    businessId: string;
    threadId: string | null;
    userId: string;
    kind: NotificationKind;
    isUrgent: Generated<boolean>;
    title: string;
    body: string;
    sentAt: Generated<Timestamp>;
    openedAt: Timestamp | null;
    takeoverAt: Timestamp | null;
    escalatedAt: Timestamp | null;
    /**
     * the AI draft this notification offers to send (kind ai_draft): Send from the notification sends exactly that one
     */
    draftId: string | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type PhoneLookup = {
    phone: string;
    lineType: string | null;
    carrier: string | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type PhoneNumber = {
    id: string;
    businessId: string;
    e164: string;
    label: Generated<string>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type PushSubscription = {
    id: string;
    businessId: string;
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    userAgent: string | null;
    failureCount: Generated<number>;
    lastSuccessAt: Timestamp | null;
    lastSeenAt: Generated<Timestamp>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type RateLimit = {
    key: string;
    count: number;
    windowStart: Timestamp;
    /**
     * no attempt under this key before this time (progressive delay)
     */
    blockedUntil: Timestamp | null;
    expiresAt: Generated<Timestamp>;
};
export type Thread = {
    id: string;
    businessId: string;
    leadId: string;
    mode: Generated<ThreadMode>;
    holderUserId: string | null;
    isWaitingOnPerson: Generated<boolean>;
    /**
     * when the AI's queued turn is due: the end of the human-priority window (or the moment the AI was asked to
     * answer at once); null when no AI turn is pending
     */
    windowDeadline: Timestamp | null;
    /**
     * the AI generation in progress; clearing it abandons that reply
     */
    aiGenerationId: string | null;
    aiTurnCount: Generated<number>;
    unreadCount: Generated<number>;
    autoTextedAt: Timestamp | null;
    firstCustomerReplyAt: Timestamp | null;
    lastCustomerMessageAt: Timestamp | null;
    lastMessageAt: Generated<Timestamp>;
    lastMessagePreview: Generated<string>;
    handedOffAt: Timestamp | null;
    takenOverAt: Timestamp | null;
    followUpSentAt: Timestamp | null;
    closedAt: Timestamp | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type TwilioReconciliation = {
    businessId: string;
    /**
     * calls that started before this were all ended and compared
     */
    callsCheckpoint: Timestamp | null;
    /**
     * inbound messages sent before this were all compared
     */
    messagesCheckpoint: Timestamp | null;
    lastRunAt: Timestamp | null;
    lastRunOk: boolean | null;
    /**
     * the safe message of the last failed run (never a token or a full number)
     */
    lastError: string | null;
    lastCallsRecovered: Generated<number>;
    lastMessagesRecovered: Generated<number>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type User = {
    id: string;
    email: string;
    name: Generated<string>;
    passwordHash: string;
    /**
     * bumped on password change or removal: older sessions end on their next request
     */
    sessionVersion: Generated<number>;
    /**
     * a generated first password (production bootstrap): nothing but the password change is allowed until it is done
     */
    mustChangePassword: Generated<boolean>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type WebhookDelivery = {
    id: string;
    businessId: string;
    endpointId: string;
    /**
     * stable id of the event: the receiver's dedupe key, and ours
     */
    eventId: string;
    eventType: string;
    payload: unknown;
    status: Generated<DeliveryStatus>;
    attempts: Generated<number>;
    lastStatusCode: number | null;
    lastError: string | null;
    nextAttemptAt: Timestamp | null;
    deliveredAt: Timestamp | null;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type WebhookEndpoint = {
    id: string;
    businessId: string;
    url: string;
    secret: string;
    events: Generated<string[]>;
    isActive: Generated<boolean>;
    createdAt: Generated<Timestamp>;
    updatedAt: Timestamp;
};
export type WorkerProcess = {
    id: string;
    host: string;
    pid: number;
    /**
     * the database's clock, like pg-boss's job times it is compared with
     */
    startedAt: Generated<Timestamp>;
    heartbeatAt: Generated<Timestamp>;
    stoppedAt: Timestamp | null;
};
export type DB = {
    AiDraft: AiDraft;
    AppSetting: AppSetting;
    Business: Business;
    Call: Call;
    ConsentChange: ConsentChange;
    Event: Event;
    HealthCounter: HealthCounter;
    Lead: Lead;
    Membership: Membership;
    Message: Message;
    MetricDaily: MetricDaily;
    MetricDelta: MetricDelta;
    MetricFact: MetricFact;
    Notification: Notification;
    PhoneLookup: PhoneLookup;
    PhoneNumber: PhoneNumber;
    PushSubscription: PushSubscription;
    RateLimit: RateLimit;
    Thread: Thread;
    TwilioReconciliation: TwilioReconciliation;
    User: User;
    WebhookDelivery: WebhookDelivery;
    WebhookEndpoint: WebhookEndpoint;
    WorkerProcess: WorkerProcess;
};
