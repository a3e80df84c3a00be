// The last step of "test my setup": who was notified of the test call, and on which phones. A notification only
// reaches a person through a device registered for push, so members without one are named: "Team notified" with
// nobody's phone registered is a failure, not a pass.
import { db } from "@/lib/db/client";

type Outcome = { ok: boolean; isWarning?: boolean; detail: string };

const ENABLE_HINT =
  "On each phone, open Settings → Notifications & devices and tap “Enable notifications on this device”.";

const names = (people: { name: string; email: string }[]) =>
  people.map((person) => person.name.trim() || person.email).join(", ");

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export async function checkTeamNotified({
  businessId,
  threadId,
}: {
  businessId: string;
  threadId: string;
}): Promise<Outcome> {
  const notifications = await db.notification.findMany({
    where: { businessId, threadId, kind: "missed_call" },
    select: { userId: true },
  });
  if (notifications.length === 0) {
    return { ok: false, detail: "Nobody was notified: every member muted missed calls or is in quiet hours." };
  }
  const userIds = [...new Set(notifications.map((notification) => notification.userId))];
  const [people, devices] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.pushSubscription.groupBy({
      by: ["userId"],
      where: { businessId, userId: { in: userIds } },
      _count: { _all: true },
    }),
  ]);
  const deviceCount = new Map(devices.map((row) => [row.userId, row._count._all]));
  const reached = people.filter((person) => (deviceCount.get(person.id) ?? 0) > 0);
  const unreached = people.filter((person) => !deviceCount.get(person.id));
  if (reached.length === 0) {
    return {
      ok: false,
      detail: `No phone will be notified: nobody has turned on notifications on a device (${names(unreached)}). ${ENABLE_HINT}`,
    };
  }
  const sent = `Notification sent to ${plural(
    reached.reduce((sum, person) => sum + (deviceCount.get(person.id) ?? 0), 0),
    "device",
  )} of ${names(reached)}.`;
  if (unreached.length > 0) {
    return {
      ok: true,
      isWarning: true,
      detail: `${sent} No phone will notify ${names(unreached)}: they have no device with notifications on.`,
    };
  }
  return { ok: true, detail: sent };
}
