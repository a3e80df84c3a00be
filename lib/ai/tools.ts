// The AI SDK tools, bound to one thread: the model supplies only each tool's arguments.
import { tool } from "ai";
import { closeConversation, closeConversationInput } from "@/lib/ai/close-conversation";
import { flagEmergency, flagEmergencyInput } from "@/lib/ai/flag-emergency";
import { handOff, handOffInput } from "@/lib/ai/hand-off";
import { optOut, optOutInput } from "@/lib/ai/opt-out";
import { updateLead, updateLeadInput } from "@/lib/ai/update-lead";
import type { TurnContext, TurnOutcome } from "@/lib/ai/turn-context";

export function createThreadTools(context: TurnContext, outcome: TurnOutcome) {
  return {
    update_lead: tool({
      description: "Save what you learned about the customer and the job. Call it whenever you learn something new.",
      inputSchema: updateLeadInput,
      execute: (input) => updateLead(context, input),
    }),
    flag_emergency: tool({
      description:
        "Raise an urgent alert to the team: gas smell, flooding, burst pipe, no heat in freezing weather, sparking, someone locked out with a child inside.",
      inputSchema: flagEmergencyInput,
      execute: (input) => flagEmergency(context, outcome, input),
    }),
    hand_off: tool({
      description:
        "Hand the conversation to a person: the customer asks for a person, or the question goes beyond what you may answer.",
      inputSchema: handOffInput,
      execute: (input) => handOff(context, outcome, input),
    }),
    opt_out: tool({
      description:
        "The customer clearly asks to stop receiving texts, in any words or language. Opts the number out and sends the confirmation: write no reply after it.",
      inputSchema: optOutInput,
      execute: (input) => optOut(context, input),
    }),
    close_conversation: tool({
      description: "Close the conversation when the customer no longer needs anything.",
      inputSchema: closeConversationInput,
      execute: (input) => closeConversation(context, outcome, input),
    }),
  };
}
