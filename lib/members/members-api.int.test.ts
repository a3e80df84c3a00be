import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/members/[id]/route";
import { GET, POST } from "@/app/api/members/route";
import { GET as getBusiness } from "@/app/api/business/route";
import { verifyPassword } from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { authedRequest, createTestBusiness, sessionCookie } from "@/test/helpers/business";

const noContext = {} as never;
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const uniqueEmail = () => `member-${crypto.randomUUID()}@example.test`;

async function addMemberAs(cookie: string, body: Record<string, unknown>) {
  return POST(authedRequest("/api/members", { cookie, method: "POST", body }), noContext);
}

describe("/api/members", () => {
  it("needs a session", async () => {
    expect((await GET(new Request("https://ringback.test/api/members"), noContext)).status).toBe(401);
  });

  it("lets the owner add a member who can then sign in, and lists only this business's people", async () => {
    const { business, user } = await createTestBusiness();
    const other = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const email = uniqueEmail();

    const response = await addMemberAs(cookie, {
      email: email.toUpperCase(),
      name: "Mia Member",
      password: "long enough pw",
    });
    expect(response.status).toBe(201);
    const added = await response.json();
    expect(added).toMatchObject({ email, name: "Mia Member", role: "member" });
    expect(added).not.toHaveProperty("passwordHash");

    const stored = await db.user.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, "long enough pw")).toBe(true);

    const list = await (await GET(authedRequest("/api/members", { cookie }), noContext)).json();
    expect(list.members.map((member: { email: string }) => member.email)).toEqual([user.email, email]);
    expect(JSON.stringify(list)).not.toContain(other.email);
  });

  it("is owner-only for adding and removing", async () => {
    const { business, user } = await createTestBusiness();
    const ownerCookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const added = await (
      await addMemberAs(ownerCookie, { email: uniqueEmail(), name: "M", password: "password-1" })
    ).json();
    const memberCookie = await sessionCookie({ userId: added.id, businessId: business.id });

    const addAttempt = await addMemberAs(memberCookie, { email: uniqueEmail(), name: "X", password: "password-1" });
    expect(addAttempt.status).toBe(403);
    const removeAttempt = await DELETE(
      authedRequest(`/api/members/${user.id}`, { cookie: memberCookie, method: "DELETE" }),
      withId(user.id),
    );
    expect(removeAttempt.status).toBe(403);
    expect(await db.membership.count({ where: { businessId: business.id } })).toBe(2);
  });

  it("an email used by another business answers exactly like a fresh one (no account enumeration)", async () => {
    const { business, user } = await createTestBusiness();
    const other = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const shape = (body: Record<string, unknown>) => Object.keys(body).sort();
    const fresh = await addMemberAs(cookie, { email: uniqueEmail(), name: "New", password: "password-1" });
    const taken = await addMemberAs(cookie, { email: other.email, name: "Dup", password: "password-1" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.status).toBe(201);
    const takenBody = await taken.json();
    expect(shape(takenBody)).toEqual(shape(await fresh.json()));
    expect(JSON.stringify(takenBody)).not.toMatch(/account|exists|another/i);
    // A separate account: the other business's person keeps their own password and business.
    expect(takenBody.id).not.toBe(other.user.id);
    const otherUser = await db.user.findUniqueOrThrow({ where: { id: other.user.id } });
    expect(otherUser.passwordHash).toBe(other.user.passwordHash);
    expect(await db.membership.count({ where: { userId: other.user.id } })).toBe(1);
    // Each person signs in to their own business with their own password.
    const ip = "192.0.2.99";
    await expect(authenticate({ email: other.email, password: other.password, ip })).resolves.toMatchObject({
      id: other.user.id,
      businessId: other.business.id,
    });
    await expect(authenticate({ email: other.email, password: "password-1", ip })).resolves.toMatchObject({
      id: takenBody.id,
      businessId: business.id,
    });
    // Only an email already on this team is refused, which the owner sees in the team list anyway.
    const again = await addMemberAs(cookie, { email: other.email, name: "Dup", password: "password-2" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "conflict", message: "That email is already on your team." },
    });
  });

  it("validates input: email, name and a password of 8 to 128 characters", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    for (const body of [
      { email: "not-an-email", name: "A", password: "password-1" },
      { email: uniqueEmail(), name: "", password: "password-1" },
      { email: uniqueEmail(), name: "A", password: "short" },
      { email: uniqueEmail(), name: "A", password: "x".repeat(129) },
      { email: uniqueEmail(), name: "A", password: "password-1", role: "admin" },
    ]) {
      expect((await addMemberAs(cookie, body)).status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect((await addMemberAs(cookie, { email: uniqueEmail(), name: "A", password: "x".repeat(128) })).status).toBe(
      201,
    );
  });

  it("removing a member ends their sessions; another business's member is a 404", async () => {
    const { business, user } = await createTestBusiness();
    const other = await createTestBusiness();
    const ownerCookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const added = await (
      await addMemberAs(ownerCookie, { email: uniqueEmail(), name: "Gone", password: "password-1" })
    ).json();
    const memberCookie = await sessionCookie({ userId: added.id, businessId: business.id });
    expect((await getBusiness(authedRequest("/api/business", { cookie: memberCookie }), noContext)).status).toBe(200);

    const foreign = await DELETE(
      authedRequest(`/api/members/${other.user.id}`, { cookie: ownerCookie, method: "DELETE" }),
      withId(other.user.id),
    );
    expect(foreign.status).toBe(404);
    expect(await db.membership.count({ where: { userId: other.user.id } })).toBe(1);

    const removed = await DELETE(
      authedRequest(`/api/members/${added.id}`, { cookie: ownerCookie, method: "DELETE" }),
      withId(added.id),
    );
    expect(removed.status).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: added.id } })).sessionVersion).toBe(1);
    expect((await getBusiness(authedRequest("/api/business", { cookie: memberCookie }), noContext)).status).toBe(401);
  });

  it("does not let the owner remove themselves", async () => {
    const { business, user } = await createTestBusiness();
    const cookie = await sessionCookie({ userId: user.id, businessId: business.id });
    const response = await DELETE(
      authedRequest(`/api/members/${user.id}`, { cookie, method: "DELETE" }),
      withId(user.id),
    );
    expect(response.status).toBe(400);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);
  });
});
