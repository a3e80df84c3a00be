// Boots the production server (`npm start`) for measurement in its own process group, waits for /api/health,
// and can report the resident memory of the whole group. Its output goes to a log file, not the table.
import { spawn } from "node:child_process";
import fs from "node:fs";

export type AppServer = {
  pid: number;
  baseUrl: string;
  logFile: string;
  rssMb: () => number;
  stop: () => Promise<void>;
  /** SIGTERM to every process of the group; the time until the last one exited (SIGKILL after `maxMs`) */
  terminate: (maxMs?: number) => Promise<{ exitMs: number; isKilled: boolean }>;
};

export async function startAppServer({
  port,
  env,
  logFile,
  npmArgs = ["start"],
  command = { file: "npm", args: npmArgs },
  healthPath = "/api/health",
  cwd = process.cwd(),
}: {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** `["start"]` (the production build); `["run", "dev"]` only to try a scenario while writing it */
  npmArgs?: string[];
  /** another program than npm (the reference server) */
  command?: { file: string; args: string[] };
  healthPath?: string;
  /** the checkout to run (BENCH_APP_DIR: another one, e.g. the tree before a change, with its own build) */
  cwd?: string;
}): Promise<AppServer> {
  const log = fs.openSync(logFile, "w");
  const child = spawn(command.file, command.args, { cwd, env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  const pid = child.pid!;
  let exitCode: number | null = null;
  child.on("exit", (code) => (exitCode = code ?? 1));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (true) {
    if (exitCode !== null) {
      throw new Error(`${command.file} ${command.args.join(" ")} exited with ${exitCode}; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      killGroup(pid, "SIGKILL");
      throw new Error(`the app did not become healthy within 120 s; see ${logFile}`);
    }
    const response = await fetch(`${baseUrl}${healthPath}`).catch(() => null);
    if (response?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    pid,
    baseUrl,
    logFile,
    rssMb: () => groupRssMb(pid),
    stop: async () => {
      if (exitCode !== null) return;
      killGroup(pid, "SIGTERM");
      const stopped = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!stopped) killGroup(pid, "SIGKILL");
    },
    terminate: async (maxMs = 30_000) => {
      const signalled = performance.now();
      killGroup(pid, "SIGTERM");
      while (groupPids(pid).length > 0 && performance.now() - signalled < maxMs) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const exitMs = performance.now() - signalled;
      const isKilled = groupPids(pid).length > 0;
      if (isKilled) killGroup(pid, "SIGKILL");
      return { exitMs, isKilled };
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Sum of VmRSS over the processes of the group (npm → sh → tsx → node); Linux only, 0 elsewhere. */
function groupRssMb(groupId: number): number {
  let totalKb = 0;
  for (const pid of groupPids(groupId)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      totalKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round(totalKb / 1024);
}

/** The live processes of a process group (zombies left out: they have exited); Linux /proc. */
function groupPids(groupId: number): string[] {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return entries.filter((entry) => {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[0] is the state (Z = zombie), fields[2] the process group id
      return Number(fields[2]) === groupId && fields[0] !== "Z";
    } catch {
      return false;
    }
  });
}
