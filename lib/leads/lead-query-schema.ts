// The leads list's query string (shared by GET /api/leads and the CSV export), validated with zod.
import { z } from "zod";

const list = <T extends [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]));

export const leadStatuses = ["new", "contacted", "qualified", "won", "lost"] as const;
export const leadUrgencies = ["low", "normal", "high", "emergency"] as const;
export const leadSortFields = ["createdAt", "updatedAt", "name", "status", "urgency", "valueCents"] as const;

export const leadFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: list([...leadStatuses]),
  urgency: list([...leadUrgencies]),
  source: z.enum(["call", "text"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(leadSortFields).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

export const leadListQuerySchema = leadFilterSchema.extend({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type LeadFilter = z.infer<typeof leadFilterSchema>;
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

/** URLSearchParams → plain object, keeping repeated keys (?status=new&status=won) as arrays, dropping empty ones. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params
      .getAll(key)
      .flatMap((value) => (key === "status" || key === "urgency" ? value.split(",") : [value]));
    const filled = values.filter((value) => value !== "");
    if (filled.length === 0) continue;
    result[key] = filled.length === 1 ? filled[0]! : filled;
  }
  return result;
}
