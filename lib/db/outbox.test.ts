// The commit's one statement is kept by its shape (outbox.ts): a repeated shape must get exactly the text a fresh
// build gives, with its own values in the order of the placeholders, and two shapes must never share a text.
import { describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { buildOutboxStatement, outboxStatement, type OutboxContents, type StatementOptions } from "@/lib/db/outbox";
import { queryBuilder, renumberPlaceholders } from "@/lib/db/query-builder";
import { toEventRow } from "@/lib/events/catalogue";
import { pendingJob, type EnqueueOptions, type QueueTable } from "@/lib/jobs/job-insert-sql";
import type { QueueName } from "@/lib/jobs/queues";

// Counts the renumbering a build does: a statement found by its shape renumbers nothing.
vi.mock("@/lib/db/query-builder", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/query-builder")>();
  return { ...original, renumberPlaceholders: vi.fn(original.renumberPlaceholders) };
});

const tables: Partial<Record<QueueName, QueueTable>> = {
  "send-message": { table: "job_common", notify: true },
  "send-push": { table: "job_common", notify: true },
  escalate: { table: "j_escalate", notify: false },
};
const tableOf = (queue: QueueName): QueueTable => tables[queue]!;
const onServer: StatementOptions = { canNotify: true, tableOf };
const embedded: StatementOptions = { canNotify: false, tableOf };

type Shape = { name: string; options: StatementOptions; build: (variant: string) => OutboxContents };

const event = (businessId: string, onlyIf: string | null = null) => ({
  ...toEventRow("lead.updated", { fields: ["name"] }, { businessId, actor: { kind: "system" } }),
  onlyIf,
});

const renameBusiness = (name: string, id: string) =>
  queryBuilder.updateTable("Business").set({ name, repeatWindowMinutes: 5 }).where("id", "=", id);

const renameLead = (name: string, id: string) =>
  queryBuilder.updateTable("Lead").set({ name }).where("id", "=", id).where("businessId", "=", id);

/** A deferred write as outbox.write() keeps it. */
function write(name: string, query: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql: text, parameters } = query.compile();
  return { name, sql: text, parameters };
}

const hasPushSubscription = (userId: string, businessId: string) =>
  sql<boolean>`exists (select 1 from "PushSubscription" where "userId" = ${userId} and "businessId" = ${businessId})`.compile(
    queryBuilder,
  );

const isMember = (userId: string, businessId: string) =>
  sql<boolean>`exists (select 1 from "Membership" where "userId" = ${userId} and "businessId" = ${businessId})`.compile(
    queryBuilder,
  );

/** The Dial action's flush, as handleMissedCallInTx leaves it (an insert, updates, three queues, a condition). */
const dialAction = (variant: string): OutboxContents => ({
  events: [event(`b-${variant}`), event(`b-${variant}`)],
  jobs: [
    pendingJob("send-message", { messageId: `m-${variant}` }, { singletonKey: `m-${variant}` }),
    pendingJob("send-push", { notificationId: `n-${variant}` }, {}, hasPushSubscription(`u-${variant}`, variant)),
    pendingJob("escalate", { notificationId: `n-${variant}` }, { startAfter: 300 }),
  ],
  writes: [
    write(
      "write_1",
      queryBuilder
        .insertInto("Lead")
        .values({ id: `l-${variant}`, businessId: variant, phone: variant, source: "call", updatedAt: new Date() }),
    ),
    write("write_2", renameBusiness(`Plumbing ${variant}`, variant)),
  ],
});

/** Three writes, two with RETURNING (handles for the events' conditions). */
const returningWrites = (variant: string) => [
  write("write_1", renameBusiness(`A ${variant}`, variant).returning("id")),
  write("write_2", renameBusiness(`B ${variant}`, `${variant}-2`)),
  write("write_3", renameBusiness(`C ${variant}`, `${variant}-3`).returning(["id", "name"])),
];

/** Three pushes, conditional at the given positions, and a message of another queue. */
const pushJobs = (variant: string, conditional: number[], condition = hasPushSubscription) => [
  ...[0, 1, 2].map((position) =>
    pendingJob(
      "send-push",
      { notificationId: `${position}-${variant}` },
      {},
      conditional.includes(position) ? condition(`u${position}-${variant}`, variant) : undefined,
    ),
  ),
  pendingJob("send-message", { messageId: `m-${variant}` }, { priority: 2, retryLimit: 1 }),
];

/** Two jobs of one queue (whose payloads are alike), with these options. */
const messageJobs = (variant: string, options: EnqueueOptions, queue: "send-message" | "send-push" = "send-message") =>
  [`m-${variant}`, `n-${variant}`].map((id, position) =>
    pendingJob(
      queue,
      { messageId: id, notificationId: id },
      position === 0 ? options : { ...options, singletonKey: id },
    ),
  );

const shapes: Shape[] = [
  { name: "the Dial action's, on a server", options: onServer, build: dialAction },
  { name: "the Dial action's, embedded (no NOTIFY)", options: embedded, build: dialAction },
  {
    name: "writes with RETURNING, events that depend on them",
    options: onServer,
    build: (variant) => ({
      events: [event(variant, "write_1"), event(variant), event(variant, "write_3"), event(variant, "write_1")],
      jobs: [],
      writes: returningWrites(variant),
    }),
  },
  // Each shape below differs from one other in one thing only.
  {
    name: "the same writes, events that depend on none",
    options: onServer,
    build: (variant) => ({ events: [event(variant)], jobs: [], writes: returningWrites(variant) }),
  },
  {
    name: "the same writes, events that depend on the last only",
    options: onServer,
    build: (variant) => ({ events: [event(variant, "write_3")], jobs: [], writes: returningWrites(variant) }),
  },
  {
    name: "the same, embedded (no live NOTIFY)",
    options: embedded,
    build: (variant) => ({ events: [event(variant, "write_3")], jobs: [], writes: returningWrites(variant) }),
  },
  {
    // Same write texts at other offsets: no event part, jobs with conditions before them.
    name: "writes after conditional jobs, without events",
    options: onServer,
    build: (variant) => ({ events: [], jobs: pushJobs(variant, [0, 2]), writes: returningWrites(variant) }),
  },
  {
    name: "a conditional job at another position",
    options: onServer,
    build: (variant) => ({ events: [], jobs: pushJobs(variant, [1, 2]), writes: returningWrites(variant) }),
  },
  {
    name: "another condition at the same positions",
    options: onServer,
    build: (variant) => ({
      events: [],
      jobs: pushJobs(variant, [1, 2], isMember),
      writes: returningWrites(variant),
    }),
  },
  {
    name: "jobs that start now",
    options: onServer,
    build: (variant) => ({ events: [event(variant)], jobs: messageJobs(variant, {}), writes: [] }),
  },
  {
    name: "jobs of another queue that start now",
    options: onServer,
    build: (variant) => ({ events: [event(variant)], jobs: messageJobs(variant, {}, "send-push"), writes: [] }),
  },
  {
    // No NOTIFY part, and its parameter is gone.
    name: "jobs that start later",
    options: onServer,
    build: (variant) => ({ events: [event(variant)], jobs: messageJobs(variant, { startAfter: 60 }), writes: [] }),
  },
  {
    name: "a write alone",
    options: onServer,
    build: (variant) => ({ events: [], jobs: [], writes: [write("write_1", renameBusiness(`A ${variant}`, variant))] }),
  },
  {
    name: "a write and an event",
    options: onServer,
    build: (variant) => ({
      events: [event(variant)],
      jobs: [],
      writes: [write("write_1", renameBusiness(`A ${variant}`, variant))],
    }),
  },
  {
    name: "another write alone, with as many parameters",
    options: onServer,
    build: (variant) => ({ events: [], jobs: [], writes: [write("write_1", renameLead(`A ${variant}`, variant))] }),
  },
  {
    // The same text as "a write alone", under another name.
    name: "a write of a second flush (its name goes on counting)",
    options: onServer,
    build: (variant) => ({ events: [], jobs: [], writes: [write("write_4", renameBusiness(`A ${variant}`, variant))] }),
  },
];

const renumbered = vi.mocked(renumberPlaceholders);

describe("the commit's statement", () => {
  it("is the text a fresh build gives, for every shape, with the values of each flush", () => {
    for (const variant of ["first", "second", "third"]) {
      for (const shape of shapes) {
        const flush = shape.build(variant);
        const fresh = buildOutboxStatement(flush, shape.options);
        renumbered.mockClear();
        expect(outboxStatement(flush, shape.options), shape.name).toEqual(fresh);
        // After the first round each shape is known: its text is found, not built again.
        if (variant !== "first") expect(renumbered, shape.name).not.toHaveBeenCalled();
      }
    }
    expect(new Set(shapes.map((shape) => outboxStatement(shape.build("x"), shape.options).text)).size).toBe(
      shapes.length,
    );
  });

  it("gives each part its own values: events first, then the jobs', then each write's", () => {
    for (const shape of shapes) {
      const flush = shape.build("own values");
      for (const round of [1, 2]) {
        const { text, values } = outboxStatement(flush, shape.options);
        const statement = inline(text, values);
        for (const part of flush.writes)
          expect(statement, `${shape.name} ${round}`).toContain(inline(part.sql, part.parameters));
        for (const { onlyIf } of flush.jobs)
          if (onlyIf) expect(statement).toContain(inline(onlyIf.sql, onlyIf.parameters));
        if (flush.events.length > 0) expect(JSON.parse(values[0] as string)).toHaveLength(flush.events.length);
      }
    }
  });

  it("refuses a part whose placeholders do not match its parameters, though its text's shape is known", () => {
    const known = write("write_1", renameBusiness("Known", "b-known"));
    const writes = (parameters: readonly unknown[]) => [{ ...known, parameters }];
    outboxStatement({ events: [], jobs: [], writes: writes(known.parameters) }, onServer);
    expect(() =>
      outboxStatement({ events: [], jobs: [], writes: writes(known.parameters.slice(1)) }, onServer),
    ).toThrow(/placeholders do not match/);
    const condition = hasPushSubscription("u-known", "b-known");
    const jobs = (parameters: readonly unknown[]) => [
      pendingJob("send-push", { notificationId: "n-known" }, {}, { sql: condition.sql, parameters }),
    ];
    outboxStatement({ events: [], jobs: jobs(condition.parameters), writes: [] }, onServer);
    expect(() =>
      outboxStatement({ events: [], jobs: jobs([...condition.parameters, "extra"]), writes: [] }, onServer),
    ).toThrow(/placeholders do not match/);
  });

  it("refuses an event that depends on a write with no RETURNING, however often asked", () => {
    const flush = { events: [event("b", "write_1")], jobs: [], writes: [write("write_1", renameBusiness("N", "b"))] };
    for (let round = 0; round < 2; round++) expect(() => outboxStatement(flush, onServer)).toThrow(/RETURNING/);
  });
});

/** A text with each $n replaced by its value: where a part's values went, whatever its placeholders became. */
function inline(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, digits: string) => `<${JSON.stringify(values[Number(digits) - 1])}>`);
}
