// What the webhooks and the workers need to know about a business (its numbers, the settings the missed-call and
// message paths read, the members to notify, the CRM endpoints), kept in this process: a missed call reads none of
// it from the database. Every change of these settings goes through a domain function that calls
// invalidateBusinessProfile, which drops the entry here and, through the live event bus, in every other instance.
// When the bus's listener loses its connection (news may have been missed) the whole cache is dropped.
import { sql } from "kysely";
import { sqlDb, type Queryable } from "@/lib/db/kysely";
import type { RoutingMode } from "@/lib/db/generated/kysely-enums";
import { onInternalEvent, publishInternalEvent } from "@/lib/events/bus";
import { logger } from "@/lib/log";

export type BusinessMember = {
  userId: string;
  phone: string | null;
  notifyPrefs: unknown;
  quietStart: string | null;
  quietEnd: string | null;
};

export type BusinessProfile = {
  id: string;
  name: string;
  timezone: string;
  routingMode: RoutingMode;
  forwardTo: string | null;
  ringTimeoutSeconds: number;
  whisperEnabled: boolean;
  minAnsweredSeconds: number;
  greetingMessage: string;
  autoReplyTemplate: string;
  autoReplyTemplateEs: string;
  autoReplyLanguage: string;
  bookingUrl: string | null;
  repeatWindowMinutes: number;
  ignoreList: string[];
  followUpEnabled: boolean;
  followUpDelayMinutes: number;
  escalationEnabled: boolean;
  escalationDelayMinutes: number;
  /** the business's Twilio numbers, oldest first: the first one sends */
  phoneNumbers: string[];
  /** the members' own phones (never texted as customers) */
  memberPhones: (string | null)[];
  members: BusinessMember[];
  /** active CRM webhook endpoints */
  webhookEndpoints: { id: string; events: string[] }[];
};

const INVALIDATE = "business.profile_changed";

type CacheState = {
  byId: Map<string, Promise<BusinessProfile | null>>;
  byNumber: Map<string, string>;
  /** bumped by every invalidation: a load that started before one must not put its (old) answer back */
  epoch: number;
  /** loads that finished */
  settled: WeakSet<Promise<BusinessProfile | null>>;
};
const globalForCache = globalThis as unknown as { ringbackBusinessCache?: CacheState };

function cache(): CacheState {
  if (!globalForCache.ringbackBusinessCache) {
    const state: CacheState = { byId: new Map(), byNumber: new Map(), epoch: 0, settled: new WeakSet() };
    globalForCache.ringbackBusinessCache = state;
    onInternalEvent(
      (event) => {
        if (event.type === INVALIDATE) dropLocally(event.businessId);
      },
      () => {
        state.epoch++;
        state.byId.clear();
        state.byNumber.clear();
      },
    );
  }
  return globalForCache.ringbackBusinessCache;
}

function dropLocally(businessId: string) {
  const state = cache();
  state.epoch++;
  state.byId.delete(businessId);
  for (const [number, id] of state.byNumber) if (id === businessId) state.byNumber.delete(number);
}

/** One statement: the business row with its numbers, members and endpoints as arrays. */
async function loadProfile(
  where: { businessId: string } | { e164: string },
  via: Queryable,
): Promise<BusinessProfile | null> {
  const condition =
    "businessId" in where
      ? sql`b.id = ${where.businessId}`
      : sql`b.id = (SELECT "businessId" FROM "PhoneNumber" WHERE e164 = ${where.e164})`;
  const { rows } = await sql<BusinessProfile>`
    SELECT b.id, b.name, b.timezone, b."routingMode", b."forwardTo", b."ringTimeoutSeconds", b."whisperEnabled",
      b."minAnsweredSeconds", b."greetingMessage", b."autoReplyTemplate", b."autoReplyTemplateEs", b."autoReplyLanguage", b."bookingUrl", b."repeatWindowMinutes",
      b."ignoreList", b."followUpEnabled", b."followUpDelayMinutes", b."escalationEnabled", b."escalationDelayMinutes",
      coalesce((SELECT json_agg(p.e164 ORDER BY p."createdAt", p.id) FROM "PhoneNumber" p WHERE p."businessId" = b.id),
        '[]'::json) AS "phoneNumbers",
      coalesce((SELECT json_agg(json_build_object('userId', m."userId", 'phone', m.phone, 'notifyPrefs', m."notifyPrefs",
        'quietStart', m."quietStart", 'quietEnd', m."quietEnd") ORDER BY m."createdAt", m.id)
        FROM "Membership" m WHERE m."businessId" = b.id), '[]'::json) AS members,
      coalesce((SELECT json_agg(json_build_object('id', w.id, 'events', w.events) ORDER BY w."createdAt", w.id)
        FROM "WebhookEndpoint" w WHERE w."businessId" = b.id AND w."isActive"), '[]'::json) AS "webhookEndpoints"
    FROM "Business" b WHERE ${condition}`.execute(via);
  const row = rows[0];
  if (!row) return null;
  return { ...row, memberPhones: row.members.map((member) => member.phone) };
}

function remember(profile: BusinessProfile, epoch: number) {
  const state = cache();
  if (state.epoch !== epoch) return;
  const settled = Promise.resolve(profile);
  state.settled.add(settled);
  state.byId.set(profile.id, settled);
  for (const number of profile.phoneNumbers) state.byNumber.set(number, profile.id);
}

/**
 * The business by id, from this process's cache (one statement on a miss). Inside a unit of work pass its `tx`: a
 * miss then reads on the transaction's own connection (the embedded database's pool has only that one).
 */
export async function getBusinessProfile(businessId: string, via?: Queryable): Promise<BusinessProfile> {
  const state = cache();
  let pending = state.byId.get(businessId);
  // Inside a transaction, never wait on a load that needs another connection (on the embedded database the
  // transaction holds the pool's only one): read through the transaction instead.
  if (pending && via && !state.settled.has(pending))
    return (await loadProfile({ businessId }, via)) ?? missing(businessId);
  if (!pending) {
    const epoch = state.epoch;
    const loading = loadProfile({ businessId }, via ?? sqlDb());
    pending = loading;
    state.byId.set(businessId, loading);
    loading.then(
      (profile) => {
        state.settled.add(loading);
        if (profile) remember(profile, epoch);
        else if (state.byId.get(businessId) === loading) state.byId.delete(businessId);
      },
      () => {
        if (state.byId.get(businessId) === loading) state.byId.delete(businessId);
      },
    );
  }
  return (await pending) ?? missing(businessId);
}

function missing(businessId: string): never {
  throw new Error(`business ${businessId} does not exist`);
}

/** The business that owns this Twilio number (E.164), or null (never cached: a number may be added any time). */
export async function getBusinessByNumber(e164: string): Promise<BusinessProfile | null> {
  const state = cache();
  const businessId = state.byNumber.get(e164);
  if (businessId) {
    const profile = await getBusinessProfile(businessId).catch(() => null);
    if (profile?.phoneNumbers.includes(e164)) return profile;
  }
  const epoch = state.epoch;
  const profile = await loadProfile({ e164 }, sqlDb());
  if (profile) remember(profile, epoch);
  return profile;
}

/** Call after any change of a business's settings, numbers, members or CRM endpoints (committed). */
export async function invalidateBusinessProfile(businessId: string): Promise<void> {
  dropLocally(businessId);
  await publishInternalEvent({ businessId, type: INVALIDATE }).catch((error: unknown) =>
    logger.warn({ err: error }, "could not tell other instances about a settings change"),
  );
}
