// The simulator exists only without Twilio credentials: with a real account its routes answer 404.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function assertSimulatorMode(): void {
  if (!env().twilio.isSimulator)
    throw new AppError("not_found", "The simulator is only available without Twilio credentials.");
}
