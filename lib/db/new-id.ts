// The id of every row Ringback creates: 24 lowercase letters and digits, starting with a letter, the same shape
// Prisma's `@default(cuid(2))` gives the rows it creates. Ids of another shape from older versions (cuid v1, UUIDs,
// the demo seed's `lead_…`) stay valid: ids are opaque strings everywhere.
//
// Drawn straight from the operating system's random source: 23 characters of base 36 carry about 119 random bits,
// so two ids never meet. cuid2 (which this replaced) hashed a counter, the time and a fingerprint with SHA-3 and
// big-number arithmetic for each id: about 4% of the server's CPU on a missed call, for no safety an id needs here.
// The random bytes are drawn 4 KiB at a time, and bytes that would bias a character are skipped (rejection
// sampling), so every character is uniform.
import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 24;
/** The largest multiple of 36 (and of 26) that fits a byte: bytes at or above it are skipped. */
const DIGIT_LIMIT = 252;
const LETTER_LIMIT = 234;

const pool = Buffer.alloc(4096);
let offset = pool.length;

function nextByte(): number {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return pool[offset++]!;
}

export function newId(): string {
  let byte = nextByte();
  while (byte >= LETTER_LIMIT) byte = nextByte();
  let id = ALPHABET[10 + (byte % 26)]!;
  while (id.length < ID_LENGTH) {
    byte = nextByte();
    if (byte < DIGIT_LIMIT) id += ALPHABET[byte % 36]!;
  }
  return id;
}
