import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/account/password/route";
import { GET as getBusiness } from "@/app/api/business/route";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;

function changeAs(cookie: string, body: unknown) {
  return POST(authedRequest("/api/account/password", { cookie, method: "POST", body }), noContext);
}

describe("POST /api/account/password", () => {
  it("needs a session", async () => {
    const response = await POST(
      new Request("https://ringback.test/api/account/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: "a", newPassword: "bbbbbbbb" }),
      }),
      noContext,
    );
    expect(response.status).toBe(401);
  });

  it("changes the password and ends every session", async () => {
    const { business, user, password } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const response = await changeAs(cookie, { currentPassword: password, newPassword: "a brand new password" });
    expect(response.status).toBe(200);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, "a brand new password")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, password)).toBe(false);
    expect(stored.sessionVersion).toBe(1);
    expect((await getBusiness(authedRequest("/api/business", { cookie }), noContext)).status).toBe(401);
  });

  it("rejects a wrong current password with a field error and changes nothing", async () => {
    const { business, user, password } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const response = await changeAs(cookie, { currentPassword: "wrong password", newPassword: "a brand new password" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { details: [{ path: "currentPassword" }] } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, password)).toBe(true);
    expect(stored.sessionVersion).toBe(0);
  });

  it("requires a new password of 8 to 128 characters", async () => {
    const { business, user, password } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    expect((await changeAs(cookie, { currentPassword: password, newPassword: "1234567" })).status).toBe(422);
    expect((await changeAs(cookie, { currentPassword: password, newPassword: "x".repeat(129) })).status).toBe(422);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
    expect((await changeAs(cookie, { currentPassword: password, newPassword: "x".repeat(128) })).status).toBe(200);
  });
});
