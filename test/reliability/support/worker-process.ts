// A worker in a process of its own, for the kill-mid-send fault test: it runs the job handlers until it is killed.
import { startWorker } from "@/lib/jobs/worker";

startWorker({ pollingIntervalSeconds: 0.5 })
  .then(() => process.send?.("ready"))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
