// The simulator's API from a test (signed-in request context): a missed call, a customer's text, and lookups.
import { expect, type APIRequestContext } from "@playwright/test";

export async function placeMissedCall(request: APIRequestContext, from: string): Promise<{ threadId: string }> {
  const response = await request.post("/api/simulator/call", { data: { from } });
  expect(response.status(), await response.text()).toBe(200);
  const call = (await response.json()) as { isMissed: boolean; skipReason: string | null; threadId: string | null };
  expect(call).toMatchObject({ isMissed: true, skipReason: null });
  expect(call.threadId).toBeTruthy();
  return { threadId: call.threadId! };
}

export async function sendCustomerText(request: APIRequestContext, from: string, body: string) {
  const response = await request.post("/api/simulator/sms", { data: { from, body } });
  expect(response.status(), await response.text()).toBe(200);
}

export type ApiLead = {
  id: string;
  phone: string;
  name: string | null;
  address: string | null;
  service: string | null;
  preferredTime: string | null;
  urgency: string;
  status: string;
  valueCents: number | null;
};

export async function findLeadByPhone(request: APIRequestContext, phone: string): Promise<ApiLead | undefined> {
  const response = await request.get(`/api/leads?q=${encodeURIComponent(phone)}`);
  expect(response.status()).toBe(200);
  const { leads } = (await response.json()) as { leads: ApiLead[] };
  return leads.find((lead) => lead.phone === phone);
}

export async function getThreadMode(request: APIRequestContext, threadId: string): Promise<string> {
  const response = await request.get(`/api/threads/${threadId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { thread: { mode: string } }).thread.mode;
}

/** The texts the simulated phone `phone` has (sent ones only, as a handset would), oldest first. */
export async function simulatorMessages(
  request: APIRequestContext,
  phone: string,
): Promise<{ direction: string; authorKind: string; body: string; purpose: string }[]> {
  const response = await request.get(`/api/simulator/conversation?phone=${encodeURIComponent(phone)}`);
  expect(response.status()).toBe(200);
  return (
    (await response.json()) as { messages: { direction: string; authorKind: string; body: string; purpose: string }[] }
  ).messages;
}
