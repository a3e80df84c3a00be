import { spawn } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuBetween, readCpu } from "./cpu";

const hasProc = fs.existsSync("/proc/self/stat");

describe.skipIf(!hasProc)("CPU per side", () => {
  it("takes nothing off for a process that ended between the readings, and counts a new one whole", () => {
    const snapshot = (entries: [string, "server" | "postgres", number][], generatorMs: number) => ({
      ticks: new Map(entries.map(([pid, kind, ticks]) => [pid, { kind, ticks }])),
      generatorMs,
    });
    const before = snapshot(
      [
        ["10", "postgres", 500],
        ["11", "postgres", 40],
        ["20", "server", 70],
      ],
      1_000,
    );
    // 10 ended (its 500 ticks must not come off), 11 used 5 more, 12 started and used 3, the server 9 more
    const after = snapshot(
      [
        ["11", "postgres", 45],
        ["12", "postgres", 3],
        ["20", "server", 79],
      ],
      1_250,
    );
    expect(cpuBetween(before, after)).toEqual({ serverMs: 90, postgresMs: 80, generatorMs: 250 });
  });

  it("counts a busy process group as the server's, and this process's own work as the bench's", async () => {
    // A child in its own process group, busy until it is killed.
    const child = spawn(process.execPath, ["-e", "for (;;);"], { detached: true, stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const groupId = child.pid!;
    const before = readCpu(groupId);
    let spin = 0;
    const end = Date.now() + 200;
    while (Date.now() < end) spin += 1;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Read while the child runs: an exited process's time is no longer in /proc.
    const used = cpuBetween(before, readCpu(groupId));
    child.kill("SIGKILL");
    await exited;
    expect(spin).toBeGreaterThan(0);
    expect(used.generatorMs).toBeGreaterThan(0);
    expect(used.serverMs).toBeGreaterThan(0);
    expect(used.postgresMs).toBeGreaterThanOrEqual(0);
    // (ticks are 10 ms; a loaded machine may give either side less than its wall time, never none)
  });
});
