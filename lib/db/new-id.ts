// The id of every row Ringback creates: a cuid2 (24 lowercase letters and digits, starting with a letter), the same
// format Prisma's `@default(cuid(2))` gives the rows it creates. Ids of another shape from older versions (cuid v1,
// UUIDs, the demo seed's `lead_…`) stay valid: ids are opaque strings everywhere.
import { createId } from "@paralleldrive/cuid2";

export function newId(): string {
  return createId();
}
