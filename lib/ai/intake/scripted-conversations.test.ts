// The scripted intake assistant over realistic conversations in English and Spanish, scored on the fields captured:
// every field must hold what the customer said for it, or nothing; a value in the wrong field is the worst outcome.
import { describe, expect, it } from "vitest";
import { renderAutoReply } from "@/lib/business/auto-reply-template";
import { intakeScripts } from "@/lib/ai/intake/intake-script";
import { planScriptedTurn, type IntakeLead } from "@/lib/ai/intake/plan-scripted-turn";
import {
  scriptedConversations,
  type IntakeExpectation,
  type ScriptedConversation,
} from "@/lib/ai/intake/scripted-conversation-corpus";

type Line = { role: "user" | "assistant"; text: string; purpose: string };
const fields = ["service", "address", "urgency", "preferredTime", "name"] as const;

function converse(conversation: ScriptedConversation) {
  const lead: IntakeLead = {
    name: null,
    address: null,
    service: null,
    problem: null,
    urgency: "normal",
    preferredTime: null,
  };
  const lines: Line[] = [];
  if (conversation.after === "auto_reply") {
    const text = renderAutoReply({ template: "", language: conversation.language, businessName: "Acme Plumbing" });
    lines.push({ role: "assistant", text, purpose: "auto_reply" });
  }
  if (conversation.after === "manual")
    lines.push({ role: "assistant", text: "We can come by at 3pm, does that work?", purpose: "manual" });
  const replies: string[] = [];
  let handOffReason: string | null = null;
  for (const text of conversation.customer) {
    if (handOffReason) throw new Error(`"${text}" comes after the hand-off (${handOffReason}): fix the corpus`);
    lines.push({ role: "user", text, purpose: "inbound" });
    // A person's message stays the last thing we said: the scripted assistant never answered after it here.
    const plan = planScriptedTurn({ conversation: lines, lead, language: conversation.language });
    Object.assign(lead, plan.update);
    lines.push({ role: "assistant", text: plan.reply, purpose: "ai" });
    replies.push(plan.reply);
    handOffReason = plan.handOffReason;
  }
  return { lead, replies, handOffReason };
}

function score(lead: IntakeLead, expected: IntakeExpectation) {
  return fields.map((field) => ({ field, expected: expected[field], captured: lead[field] }));
}

describe("the scripted assistant over a corpus of conversations", () => {
  it("has at least 20 conversations, in both languages", () => {
    expect(scriptedConversations.length).toBeGreaterThanOrEqual(20);
    expect(
      scriptedConversations.filter((conversation) => conversation.language === "es").length,
    ).toBeGreaterThanOrEqual(10);
  });

  it.each(scriptedConversations)("$language: $title", (conversation) => {
    const { lead } = converse(conversation);
    expect(Object.fromEntries(score(lead, conversation.expected).map((row) => [row.field, row.captured]))).toEqual(
      conversation.expected,
    );
  });

  it("scores every field of the corpus: all captured, none in the wrong place", () => {
    const rows = scriptedConversations.flatMap((conversation) =>
      score(converse(conversation).lead, conversation.expected),
    );
    const captured = rows.filter((row) => row.expected !== null && row.expected !== "normal");
    const correct = rows.filter((row) => row.captured === row.expected).length;
    const wrong = rows.filter(
      (row) => row.captured !== row.expected && row.captured !== null && row.captured !== "normal",
    );
    expect({ correct, of: rows.length, wrong }).toEqual({ correct: rows.length, of: rows.length, wrong: [] });
    expect(captured.length).toBeGreaterThan(90);
  });

  it("asks in the customer's language and never asks twice for what it knows", () => {
    for (const conversation of scriptedConversations) {
      const { replies } = converse(conversation);
      const questions = Object.values(intakeScripts[conversation.language].questions);
      const asked = replies.flatMap((reply) => questions.filter((question) => reply.includes(question)));
      expect(new Set(asked).size, conversation.title).toBe(asked.length);
      const other = Object.values(intakeScripts[conversation.language === "en" ? "es" : "en"].questions);
      expect(
        replies.some((reply) => other.some((question) => reply.includes(question))),
        conversation.title,
      ).toBe(false);
    }
  });

  it("flags an emergency in plain words at once, with the advice in the customer's language", () => {
    const english = converse(scriptedConversations.find((c) => c.title.startsWith("water all over"))!);
    expect(english.replies[0]).toMatch(/^That sounds urgent: I've alerted the team right now\. If you can, shut off/);
    const spanish = converse(scriptedConversations.find((c) => c.title === "olor a gas")!);
    expect(spanish.replies[0]).toMatch(/^Parece urgente: ya avisé al equipo\. Salga del edificio ahora/);
  });

  it("hands off when the intake is complete, thanking by name", () => {
    const { replies, handOffReason } = converse(scriptedConversations[0]!);
    expect(handOffReason).toBe("intake complete");
    expect(replies.at(-1)).toBe(
      "Thanks, Dana Smith! I've passed everything to the team and someone will follow up with you shortly.",
    );
  });
});
