// Which function handles which queue. Each domain owns its handler; this file only wires them.
import type { JobHandler } from "@/lib/jobs/worker";
import type { QueueName } from "@/lib/jobs/queues";

export const jobHandlers: Partial<{ [Name in QueueName]: JobHandler<Name> }> = {};
