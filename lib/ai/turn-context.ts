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
};

export const newTurnOutcome = (): TurnOutcome => ({ isHandedOff: false, isClosed: false, isEmergency: false });
