// Row ids: the shape Prisma's cuid(2) default gives (so both kinds of row look alike), never repeated, and every
// character position uniform over its alphabet (a biased draw would make ids easier to guess).
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/db/new-id";

describe("newId", () => {
  it("is 24 lowercase letters and digits, starting with a letter", () => {
    for (let index = 0; index < 10_000; index++) expect(newId()).toMatch(/^[a-z][a-z0-9]{23}$/);
  });

  it("never repeats over 200,000 ids", () => {
    const ids = new Set(Array.from({ length: 200_000 }, () => newId()));
    expect(ids.size).toBe(200_000);
  });

  it("draws every character uniformly (chi-square over 100,000 ids)", () => {
    const samples = 100_000;
    const first = new Map<string, number>();
    const rest = new Map<string, number>();
    for (let index = 0; index < samples; index++) {
      const id = newId();
      first.set(id[0]!, (first.get(id[0]!) ?? 0) + 1);
      for (const character of id.slice(1)) rest.set(character, (rest.get(character) ?? 0) + 1);
    }
    const chiSquare = (counts: Map<string, number>, categories: number, total: number) => {
      const expected = total / categories;
      expect(counts.size).toBe(categories);
      return [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    };
    // 99.99th percentiles of chi-square with 25 and 35 degrees of freedom are about 62 and 77; a modulo bias
    // (256 % 36 = 4 bytes too many for the first four digits) gives about 1,600 on the 2.3 million characters.
    expect(chiSquare(first, 26, samples)).toBeLessThan(62);
    expect(chiSquare(rest, 36, samples * 23)).toBeLessThan(77);
  });
});
