// Tables an outsider can write to stay bounded: unsigned webhooks add to one health counter per hour instead of a
// row each, made-up emails at sign-in leave rate-limit rows that expire, and the hourly prune-housekeeping job
// (scheduled by the worker) deletes expired rate limits and health counters past 30 days.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as sms } from "@/app/api/twilio/sms/route";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { pruneHousekeepingJob } from "@/lib/housekeeping/prune-housekeeping-job";

afterAll(async () => {
  await stopBoss();
});

describe("tables an outsider can grow", () => {
  it("100 unsigned webhooks: one health counter row for the hour, counting 100", async () => {
    const rowsBefore = await db.healthCounter.count();
    const countBefore = (await db.healthCounter.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
    for (let index = 0; index < 100; index += 1) {
      const response = await sms(
        new Request("https://ringback.test/api/twilio/sms", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "forged" },
          body: new URLSearchParams({ MessageSid: `SM${index}`, From: "+12125550100", To: "+12125550101" }).toString(),
        }),
      );
      expect(response.status).toBe(403);
    }
    expect(await db.healthCounter.count()).toBeLessThanOrEqual(rowsBefore + 1);
    expect((await db.healthCounter.aggregate({ _sum: { count: true } }))._sum.count).toBe(countBefore + 100);
  });

  it("made-up emails leave rate-limit rows that expire, and the hourly job prunes them", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const emails = Array.from({ length: 20 }, () => `nobody-${randomUUID()}@example.test`);
    for (const email of emails) await authenticate({ email, password: "not-a-password", ip });
    const keys = [...emails.map((email) => `login:pair:${email}|${ip}`), `login:ip:${ip}`];
    const rows = await db.rateLimit.findMany({ where: { key: { in: keys } } });
    expect(rows).toHaveLength(21);
    const latestExpiry = Math.max(...rows.map((row) => row.expiresAt.getTime()));
    expect(latestExpiry - Date.now()).toBeLessThanOrEqual(16 * 60_000); // the 15-minute window, not forever

    await pruneHousekeepingJob(new Date()); // nothing has expired yet
    expect(await db.rateLimit.count({ where: { key: { in: keys } } })).toBe(21);
    await pruneHousekeepingJob(new Date(latestExpiry + 1000));
    expect(await db.rateLimit.count({ where: { key: { in: keys } } })).toBe(0);
  });

  it("health counters are kept 30 days, then pruned", async () => {
    const day = 86_400_000;
    const hour = (date: number) => new Date(Math.floor(date / 3_600_000) * 3_600_000);
    const scope = `prune-${randomUUID()}`;
    await db.healthCounter.createMany({
      data: [
        { kind: "unknown_number", scope, windowStart: hour(Date.now() - 31 * day), count: 5 },
        { kind: "unknown_number", scope, windowStart: hour(Date.now() - 29 * day), count: 3 },
      ],
    });
    await pruneHousekeepingJob();
    const left = await db.healthCounter.findMany({ where: { scope } });
    expect(left.map((row) => row.count)).toEqual([3]);
  });

  it("the worker schedules the job every hour", async () => {
    await startWorker({ pollingIntervalSeconds: 0.5 });
    const schedules = await (await getBoss()).getSchedules();
    expect(schedules.find((schedule) => schedule.name === "prune-housekeeping")).toMatchObject({
      cron: "17 * * * *",
    });
  });
});
