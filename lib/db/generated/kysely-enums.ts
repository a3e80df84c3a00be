export const RoutingMode = {
    ring_first: "ring_first",
    forwarded: "forwarded"
} as const;
export type RoutingMode = (typeof RoutingMode)[keyof typeof RoutingMode];
export const Role = {
    owner: "owner",
    member: "member"
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const LeadStatus = {
    new: "new",
    contacted: "contacted",
    qualified: "qualified",
    won: "won",
    lost: "lost"
} as const;
export type LeadStatus = (typeof LeadStatus)[keyof typeof LeadStatus];
export const LeadSource = {
    call: "call",
    text: "text"
} as const;
export type LeadSource = (typeof LeadSource)[keyof typeof LeadSource];
export const Urgency = {
    low: "low",
    normal: "normal",
    high: "high",
    emergency: "emergency"
} as const;
export type Urgency = (typeof Urgency)[keyof typeof Urgency];
export const LanguageSource = {
    unknown: "unknown",
    detected: "detected",
    owner: "owner"
} as const;
export type LanguageSource = (typeof LanguageSource)[keyof typeof LanguageSource];
export const ThreadMode = {
    auto: "auto",
    ai: "ai",
    human: "human",
    closed: "closed"
} as const;
export type ThreadMode = (typeof ThreadMode)[keyof typeof ThreadMode];
export const Direction = {
    inbound: "inbound",
    outbound: "outbound"
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];
export const AuthorKind = {
    customer: "customer",
    system: "system",
    ai: "ai",
    user: "user"
} as const;
export type AuthorKind = (typeof AuthorKind)[keyof typeof AuthorKind];
export const MessagePurpose = {
    inbound: "inbound",
    auto_reply: "auto_reply",
    follow_up: "follow_up",
    ai_reply: "ai_reply",
    manual: "manual",
    keyword_reply: "keyword_reply",
    escalation: "escalation",
    consent_reply: "consent_reply",
    safety_advice: "safety_advice"
} as const;
export type MessagePurpose = (typeof MessagePurpose)[keyof typeof MessagePurpose];
export const MessageStatus = {
    received: "received",
    queued: "queued",
    sending: "sending",
    sent: "sent",
    delivered: "delivered",
    undelivered: "undelivered",
    failed: "failed",
    canceled: "canceled"
} as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];
export const CallSkipReason = {
    opted_out: "opted_out",
    anonymous: "anonymous",
    invalid_number: "invalid_number",
    ignored: "ignored",
    own_number: "own_number",
    repeat_caller: "repeat_caller",
    landline: "landline",
    rejected: "rejected",
    too_old: "too_old"
} as const;
export type CallSkipReason = (typeof CallSkipReason)[keyof typeof CallSkipReason];
export const CallDetectedBy = {
    webhook: "webhook",
    reconciliation: "reconciliation"
} as const;
export type CallDetectedBy = (typeof CallDetectedBy)[keyof typeof CallDetectedBy];
export const ConsentAction = {
    opt_out: "opt_out",
    opt_in: "opt_in"
} as const;
export type ConsentAction = (typeof ConsentAction)[keyof typeof ConsentAction];
export const NotificationKind = {
    missed_call: "missed_call",
    called_again: "called_again",
    customer_reply: "customer_reply",
    ai_handoff: "ai_handoff",
    emergency: "emergency",
    test: "test",
    ai_draft: "ai_draft"
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const AiReplyMode = {
    auto: "auto",
    approve: "approve"
} as const;
export type AiReplyMode = (typeof AiReplyMode)[keyof typeof AiReplyMode];
export const DraftStatus = {
    pending: "pending",
    sent: "sent",
    discarded: "discarded"
} as const;
export type DraftStatus = (typeof DraftStatus)[keyof typeof DraftStatus];
export const DeliveryStatus = {
    pending: "pending",
    succeeded: "succeeded",
    failed: "failed"
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
