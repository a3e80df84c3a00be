// A TCP proxy in front of PostgreSQL that counts what the clients send, read off the wire protocol: statements
// (each Execute of the extended protocol, each simple Query) and round trips (each Sync or simple Query: the client
// waits for the server's answer). It sees every connection of a server process (Prisma, Kysely, pg-boss) without
// touching the app. Bytes pass through unchanged and at once; the counting only reads message headers.
import net from "node:net";

export type StatementCounts = { statements: number; roundTrips: number; connections: number };

export type CountingProxy = {
  /** a connection string for the app: the target's, pointed at the proxy */
  url: string;
  counts: () => StatementCounts;
  close: () => Promise<void>;
};

const UNTYPED_REQUESTS = new Set([80877103 /* SSL */, 80877104 /* GSSENC */]);

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const counts: StatementCounts = { statements: 0, roundTrips: 0, connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections += 1;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client).add(upstream);
    const read = createMessageReader((type) => {
      if (type === "E") counts.statements += 1;
      else if (type === "Q") {
        counts.statements += 1;
        counts.roundTrips += 1;
      } else if (type === "S") counts.roundTrips += 1;
    });
    client.on("data", (chunk) => {
      read(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    counts: () => ({ ...counts }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Reads the frontend's message stream chunk by chunk: the startup packets first (length-prefixed, no type byte;
 * an SSL or GSSENC request is followed by another), then typed messages (type byte, 4-byte length including
 * itself). Calls `onMessage` with each message's type; message bodies are skipped, never copied.
 */
export function createMessageReader(onMessage: (type: string) => void): (chunk: Buffer) => void {
  let isStarted = false;
  const header = Buffer.alloc(8);
  let headerBytes = 0;
  let skip = 0; // body bytes of the current message still to pass over
  return (chunk) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const taken = Math.min(skip, chunk.length - offset);
        skip -= taken;
        offset += taken;
        continue;
      }
      const headerLength = isStarted ? 5 : 8;
      const taken = Math.min(headerLength - headerBytes, chunk.length - offset);
      chunk.copy(header, headerBytes, offset, offset + taken);
      headerBytes += taken;
      offset += taken;
      if (headerBytes < headerLength) continue;
      headerBytes = 0;
      if (isStarted) {
        onMessage(String.fromCharCode(header[0]!));
        skip = header.readInt32BE(1) - 4;
      } else {
        const length = header.readInt32BE(0);
        if (!UNTYPED_REQUESTS.has(header.readInt32BE(4))) isStarted = true;
        skip = length - 8;
      }
    }
  };
}
