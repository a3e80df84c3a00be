// CPU time spent by processes, read from Linux /proc (0 elsewhere): the server's process group, every PostgreSQL
// process of the machine, and this process (the load generator, with the Twilio fake). A scenario reads them
// before and after a batch, so that the CPU a call costs, not only its time, can be compared side by side.
import fs from "node:fs";

/** Kernel clock ticks per second for /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

type Kind = "server" | "postgres";

/** The CPU ticks so far of each process that counts, by pid, and this process's own CPU time. */
export type CpuSnapshot = { ticks: Map<string, { kind: Kind; ticks: number }>; generatorMs: number };

export type CpuReading = { serverMs: number; postgresMs: number; generatorMs: number };

/** The processes of the server's group and PostgreSQL's, with the CPU each has used so far. */
export function readCpu(serverGroupId: number): CpuSnapshot {
  const ticks = new Map<string, { kind: Kind; ticks: number }>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    // not Linux: nothing to read
  }
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] is the process group id; fields[11] and fields[12] are utime and stime
      const kind = Number(fields[2]) === serverGroupId ? "server" : comm === "postgres" ? "postgres" : null;
      if (kind) ticks.set(entry, { kind, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  const own = process.cpuUsage();
  return { ticks, generatorMs: (own.user + own.system) / 1000 };
}

/**
 * The CPU used between two snapshots, process by process: one that started meanwhile counts whole; one that ended
 * meanwhile counts nothing (its last ticks are gone with it), rather than taking its earlier ticks off the total.
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuReading {
  const used = { server: 0, postgres: 0 };
  for (const [pid, now] of after.ticks) {
    const then = before.ticks.get(pid);
    used[now.kind] += then && then.kind === now.kind ? Math.max(0, now.ticks - then.ticks) : now.ticks;
  }
  return {
    serverMs: (used.server * 1000) / TICKS_PER_SECOND,
    postgresMs: (used.postgres * 1000) / TICKS_PER_SECOND,
    generatorMs: after.generatorMs - before.generatorMs,
  };
}
