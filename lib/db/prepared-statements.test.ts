import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nameFor } from "@/lib/db/prepared-statements";

const sha1Name = (text: string) => `rb_${createHash("sha1").update(text).digest("base64url")}`;

describe("statement names", () => {
  it("are the hash of the whole text: the same text keeps its name, texts alike at both ends get their own", () => {
    const head = `select ${"a".repeat(60)} from "Message" where `;
    const tail = ` order by "createdAt" desc limit ${"9".repeat(60)}`;
    const one = `${head}"id" = $1${tail}`;
    const other = `${head}"xy" = $1${tail}`; // same length, same head and tail
    expect(one.length).toBe(other.length);
    expect(nameFor(one)).toBe(sha1Name(one));
    expect(nameFor(other)).toBe(sha1Name(other));
    expect(nameFor(one)).toBe(sha1Name(one));
    expect(nameFor(`${one} `)).toBe(sha1Name(`${one} `));
  });

  it("leaves a giant statement unnamed", () => {
    expect(nameFor(`select 1 -- ${"x".repeat(40_000)}`)).toBeUndefined();
  });
});
