// CPU time spent by processes, read from Linux /proc (0 elsewhere): the server's process group, every PostgreSQL
// process of the machine, and this process (the load generator, with the Twilio fake). A scenario reads them
// before and after a batch, so that the CPU a call costs, not only its time, can be compared side by side.
import fs from "node:fs";

/** Kernel clock ticks per second for /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

type ProcessCpu = { groupId: number; comm: string; ticks: number };

function readProcesses(): ProcessCpu[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const processes: ProcessCpu[] = [];
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] is the process group id; fields[11] and fields[12] are utime and stime
      processes.push({ groupId: Number(fields[2]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return processes;
}

export type CpuReading = { serverMs: number; postgresMs: number; generatorMs: number };

/** The CPU used so far by the server's process group, by PostgreSQL's processes and by this process, in ms. */
export function readCpu(serverGroupId: number): CpuReading {
  let serverTicks = 0;
  let postgresTicks = 0;
  for (const entry of readProcesses()) {
    if (entry.groupId === serverGroupId) serverTicks += entry.ticks;
    else if (entry.comm === "postgres") postgresTicks += entry.ticks;
  }
  const own = process.cpuUsage();
  return {
    serverMs: (serverTicks * 1000) / TICKS_PER_SECOND,
    postgresMs: (postgresTicks * 1000) / TICKS_PER_SECOND,
    generatorMs: (own.user + own.system) / 1000,
  };
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuReading {
  return {
    serverMs: after.serverMs - before.serverMs,
    postgresMs: after.postgresMs - before.postgresMs,
    generatorMs: after.generatorMs - before.generatorMs,
  };
}
