// A signed-in person changes their own password. Bumping sessionVersion ends every session, this one included:
// after a password change (often because a phone was lost) nobody stays signed in with the old one.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  // A stolen session must not be able to guess the current password at leisure.
  if (!(await consumeRateLimit({ key: `password-change:${userId}`, limit: 10, windowSeconds: 15 * 60 }))) {
    throw new AppError("rate_limited", "Too many attempts. Wait a few minutes and try again.");
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "Some fields are not valid.", [
      { path: "currentPassword", message: "That is not your current password." },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 }, mustChangePassword: false },
    select: { id: true },
  });
}
