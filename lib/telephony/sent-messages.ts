// The texts this instance itself stored as accepted by Twilio (or moved on since), by Twilio's sid: what a status
// callback needs to know about its message. Twilio calls back "sent", then "delivered", for nearly every text,
// usually to the instance that sent it, a moment after the send job stored the sid. Without this, each callback
// read the message first: "sent" found it already stored and changed nothing, "delivered" read, then wrote.
//
// It only saves reads, never decides anything a read would decide differently: a message's status only moves
// forward, and every write is conditional on the status in the database. So an entry that is behind (another
// instance stored "delivered" since) makes a callback write nothing, exactly as a read would have; the fields kept
// besides the status never change. An instance that did not send the text (or forgot it) reads it as before.
import { LRUCache } from "lru-cache";
import type { MessagePurpose, MessageStatus } from "@/lib/db/generated/kysely-enums";

export type SentMessage = {
  id: string;
  businessId: string;
  threadId: string;
  leadId: string;
  toNumber: string;
  purpose: MessagePurpose;
  status: MessageStatus;
  messageSid: string;
};

/** A few thousand texts cover the minutes between a send and its last callback at any rate this instance takes. */
const sentMessages = new LRUCache<string, SentMessage>({ max: 5_000, ttl: 15 * 60_000 });

/** After this instance's own write stored `message.status` for the message with this sid. */
export function rememberSentMessage(message: SentMessage): void {
  sentMessages.set(message.messageSid, message);
}

/** The message with this sid as this instance last stored it, if it did. */
export function sentMessage(messageSid: string): SentMessage | undefined {
  return sentMessages.get(messageSid);
}
