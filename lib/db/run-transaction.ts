// Interactive transactions that PostgreSQL may abort as a deadlock or serialization victim are simply run again,
// as PostgreSQL's documentation advises: a webhook must not answer 500 because two writers met on the same lead.
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";

const RETRYABLE = /40P01|40001|deadlock detected|could not serialize|P2034/i;

export function isRetryableTransactionError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const text = `${String((error as Error).message)} ${String((error as { code?: unknown }).code)} ${JSON.stringify(
    (error as { meta?: unknown }).meta ?? {},
  )}`;
  return RETRYABLE.test(text);
}

export async function runTransaction<T>(
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { attempts = 4, timeout = 15_000 }: { attempts?: number; timeout?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { timeout });
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
