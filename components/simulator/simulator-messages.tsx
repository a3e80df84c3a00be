"use client";
// The simulated handset's message list: the business's texts on the left, the customer's on the right.
export type SimulatorMessage = {
  id: string;
  direction: "inbound" | "outbound";
  body: string;
  status: string;
  createdAt: string;
};

export function SimulatorMessages({ messages, businessName }: { messages: SimulatorMessage[]; businessName: string }) {
  if (messages.length === 0) {
    return (
      <p className="m-auto px-6 text-center text-sm text-slate-600">
        No texts yet. Place a call that goes unanswered and the auto-text from {businessName} shows up here.
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-2 p-3">
      {messages.map((message) => {
        const isFromBusiness = message.direction === "outbound";
        return (
          <li key={message.id} className={isFromBusiness ? "self-start" : "self-end"} data-testid="sim-message">
            <p
              className={
                isFromBusiness
                  ? "max-w-64 rounded-2xl rounded-bl-sm bg-slate-200 px-3 py-2 text-sm text-slate-900"
                  : "max-w-64 rounded-2xl rounded-br-sm bg-emerald-700 px-3 py-2 text-sm text-white"
              }
            >
              {message.body}
            </p>
            <p className={`mt-0.5 text-[11px] text-slate-600 ${isFromBusiness ? "" : "text-right"}`}>
              {new Date(message.createdAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}
              {isFromBusiness && message.status === "delivered" ? " · Delivered" : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
