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
};

export async function startAppServer({
  port,
  env,
  logFile,
  npmArgs = ["start"],
}: {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** `["start"]` (the production build); `["run", "dev"]` only to try a scenario while writing it */
  npmArgs?: string[];
}): Promise<AppServer> {
  const log = fs.openSync(logFile, "w");
  const child = spawn("npm", npmArgs, { env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  const pid = child.pid!;
  let exitCode: number | null = null;
  child.on("exit", (code) => (exitCode = code ?? 1));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (true) {
    if (exitCode !== null) throw new Error(`npm ${npmArgs.join(" ")} exited with ${exitCode}; see ${logFile}`);
    if (Date.now() > deadline) {
      killGroup(pid, "SIGKILL");
      throw new Error(`the app did not become healthy within 120 s; see ${logFile}`);
    }
    const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
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
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 0;
  }
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue; // fields[2] is the process group id
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      totalKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round(totalKb / 1024);
}
