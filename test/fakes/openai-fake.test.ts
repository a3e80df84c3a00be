// The OpenAI fake keeps OpenAI's rules: the Bearer key is checked first (401 with OpenAI's error body, nothing
// consumed), and a stream carries the usage chunk only when `stream_options.include_usage` asks for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiFake, type OpenAiFake } from "@/test/fakes/openai-fake";

let fake: OpenAiFake;
beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: "sk-right-key-1234" });
});
afterAll(() => fake.close());

function complete(body: Record<string, unknown>, authorization?: string) {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], ...body }),
  });
}

/** The data lines of an SSE answer, parsed (without the final [DONE]). */
async function chunks(response: Response) {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice(6)) as { choices: unknown[]; usage?: unknown });
}

describe("OpenAI fake", () => {
  it("a missing or wrong key: 401 with OpenAI's error body; the scripted reply is not used up", async () => {
    fake.enqueue({ text: "kept for the right key" });
    const missing = await complete({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: {
        message: expect.stringContaining("You didn't provide an API key"),
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    });
    const wrong = await complete({}, "Bearer sk-wrong-key-9876");
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as { error: { message: string; code: string } };
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: null, code: "invalid_api_key" });
    expect(body.error.message).toMatch(/^Incorrect API key provided: sk-\*+9876\./);
    expect(body.error.message).not.toContain("sk-wrong-key-9876");
    const right = await complete({}, "Bearer sk-right-key-1234");
    expect(right.status).toBe(200);
    expect(((await right.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe(
      "kept for the right key",
    );
    expect(fake.unauthorized).toHaveLength(2);
  });

  it("a stream has a usage chunk only when stream_options.include_usage asks for it", async () => {
    const plain = await chunks(await complete({ stream: true }, "Bearer sk-right-key-1234"));
    expect(plain.some((chunk) => "usage" in chunk)).toBe(false);
    const asked = await chunks(
      await complete({ stream: true, stream_options: { include_usage: true } }, "Bearer sk-right-key-1234"),
    );
    expect(asked.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 120, completion_tokens: 30 } });
    expect(asked.filter((chunk) => "usage" in chunk)).toHaveLength(1);
  });
});
