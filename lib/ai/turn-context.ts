// What every AI tool is bound to: this business, this thread, this lead, this generation. The model never supplies
// any of these (it cannot pick a phone number or a business); it only supplies the tool's own arguments.
export type TurnContext = {
  businessId: string;
  threadId: string;
  leadId: string;
  generationId: string;
};

/** What the tools decided during the turn; applied atomically with the reply when it is sent. */
export type TurnOutcome = {
  isHandedOff: boolean;
  isClosed: boolean;
  isEmergency: boolean;
  /** the model could not answer (it failed twice): the hand-off that follows says so */
  hasFailed: boolean;
};

export const newTurnOutcome = (): TurnOutcome => ({
  isHandedOff: false,
  isClosed: false,
  isEmergency: false,
  hasFailed: false,
});

/** Why the thread leaves AI mode with this turn's reply (thread.mode_changed's reason). */
export function modeChangeReason(outcome: TurnOutcome): "closed" | "ai_failed" | "handed_off" {
  if (outcome.isClosed) return "closed";
  return outcome.hasFailed ? "ai_failed" : "handed_off";
}
