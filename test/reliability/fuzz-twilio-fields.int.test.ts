// Every byte answered, Twilio side: each field of each /api/twilio route, validly signed, carrying NUL and other
// control characters, lone surrogates, broken %-escapes, an over-long value or a second copy of its key. Never a
// 5xx (Twilio, with our connection overrides, would retry a poison request until its budget runs out); refused →
// nothing written; accepted → nothing stored with those bytes, and the text fields hold the cleaned value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hasUnsafeText } from "@/lib/http/clean-text";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTestBusiness } from "@/test/helpers/business";
import { twilioSignature } from "@/test/helpers/twilio";
import { cleanedFormValue, fieldCases } from "@/test/reliability/fuzz-field-values";
import { discardJobsQueuedSince, rowCounts } from "@/test/reliability/fuzz-helpers";
import { loadRoutes } from "@/test/reliability/route-inventory";
import { BASE, twilioRouteSpecs as specs, type Business, type RouteSpec } from "@/test/reliability/twilio-route-specs";

/** Raw `key=value&…` text; `hostile` replaces one field's value (or appends a second copy of its key). */
function rawForm(values: Record<string, string>, hostile?: { key: string; raw: string } | { duplicate: string }) {
  const pairs = Object.entries(values).map(([key, value]) => {
    if (hostile && "key" in hostile && hostile.key === key) return `${key}=${hostile.raw}`;
    return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  });
  if (hostile && "key" in hostile && !(hostile.key in values)) pairs.push(`${hostile.key}=${hostile.raw}`);
  if (hostile && "duplicate" in hostile) pairs.push(`${hostile.duplicate}=${encodeURIComponent("+15005550199")}`);
  return pairs.join("&");
}

/** Parameters as Twilio signs them: every key with its value, or all its values when repeated. */
function signedParams(raw: string): Record<string, string | string[]> {
  const search = new URLSearchParams(raw);
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    params[key] = values.length === 1 ? values[0]! : values;
  }
  return params;
}

async function send(path: string, spec: RouteSpec, rawQuery: string, rawBody: string) {
  const url = `${BASE}${path}${rawQuery ? `?${rawQuery}` : ""}`;
  const request = new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": await twilioSignature(url, signedParams(rawBody)),
    },
    body: rawBody,
  });
  return spec.handler(request);
}

/** Every string column of the business's rows, as one list. */
async function storedStrings(businessId: string): Promise<string[]> {
  const rows = await Promise.all([
    db.call.findMany({ where: { businessId } }),
    db.lead.findMany({ where: { businessId } }),
    db.thread.findMany({ where: { businessId } }),
    db.message.findMany({ where: { businessId } }),
    db.event.findMany({ where: { businessId } }),
  ]);
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(collect);
  };
  collect(rows);
  return strings;
}

let business: Business;

const fileStartedAt = new Date();

beforeAll(async () => {
  await getBoss();
  business = await createTestBusiness({ whisperEnabled: true });
});

afterAll(async () => {
  await discardJobsQueuedSince(fileStartedAt);
  await stopBoss();
});

describe("every byte answered: each field of each Twilio route", () => {
  it("has a field spec for every /api/twilio route on disk", async () => {
    const onDisk = (await loadRoutes()).filter((route) => route.urlPath.startsWith("/api/twilio/"));
    expect(onDisk.map((route) => route.urlPath).sort()).toEqual(Object.keys(specs).sort());
  });

  for (const [path, spec] of Object.entries(specs)) {
    it(`${path}: hostile bytes in every field → 2xx or 4xx; refused writes nothing, accepted stores clean text`, async () => {
      const sample = await spec.prepare(business);
      const fields = [
        ...Object.keys(sample.params).map((key) => ({ key, inQuery: false })),
        ...Object.keys(sample.query ?? {}).map((key) => ({ key, inQuery: true })),
        { key: "SomethingNew", inQuery: false },
      ];
      for (const field of fields) {
        const cases = [
          ...fieldCases.map((fieldCase) => ({ name: fieldCase.name, raw: fieldCase.raw })),
          { name: "duplicate key", raw: null },
        ];
        for (const fieldCase of cases) {
          const { params, query = {} } = await spec.prepare(business);
          const base = (field.inQuery ? query[field.key] : params[field.key]) ?? "extra value";
          const hostile =
            fieldCase.raw === null ? { duplicate: field.key } : { key: field.key, raw: fieldCase.raw(base) };
          const rawBody = rawForm(params, field.inQuery ? undefined : hostile);
          const rawQuery = Object.keys(query).length ? rawForm(query, field.inQuery ? hostile : undefined) : "";
          const label = `${path} ${field.key} [${fieldCase.name}]`;
          const before = await rowCounts();
          const response = await send(path, spec, rawQuery, rawBody);
          const text = await response.text();
          expect(response.status, `${label} → ${response.status} ${text.slice(0, 120)}`).toBeLessThan(500);
          expect(response.status, `${label}: a valid signature must not be refused`).not.toBe(403);
          if (response.status >= 400) {
            expect(await rowCounts(), `${label} refused but wrote rows`).toEqual(before);
            continue;
          }
          const stored = await storedStrings(business.business.id);
          const unsafe = stored.find(hasUnsafeText);
          expect(unsafe, `${label} stored control characters or a lone surrogate`).toBeUndefined();
          if (fieldCase.raw !== null && spec.storedText?.includes(field.key)) {
            const cleaned = cleanedFormValue(fieldCase.raw(base)).trim();
            expect(stored, `${label}: the cleaned value is what is stored`).toContain(cleaned);
          }
        }
      }
    });
  }
});
