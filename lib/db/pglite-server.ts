// A PostgreSQL wire-protocol server in front of one PGlite instance, for many client connections.
//
// PGlite is a single session. @electric-sql/pglite-socket multiplexes connections onto it message by message,
// which breaks the extended protocol when two clients are busy at once: one client's Parse lands between
// another's Parse and Bind ("bind message supplies 7 parameters, but prepared statement requires 4"). Here a
// connection's messages are grouped up to their Sync (or a simple Query) and each group runs whole, and while a
// client holds a transaction open only that client's groups run. Together that gives every connection the
// illusion of its own session, as long as clients do not rely on session state (SET, LISTEN, named statements
// across transactions), which Prisma and pg-boss do not.
//
// PGlite itself trusts whoever connects, and loopback is reachable by every local user and process: a connection
// must first prove the per-boot password with SCRAM-SHA-256 (scram-auth.ts) before its start-up packet reaches
// PGlite. The password lives only in this process's memory and the URL handed to Prisma and pg-boss.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { SCRAM_MECHANISM, ScramCredentials, type ScramExchange } from "@/lib/db/scram-auth";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Message types that end a group: Sync, simple Query, CopyDone, CopyFail. */
const GROUP_ENDS = new Set(["S", "Q", "c", "f"]);

type Connection = { id: number; socket: net.Socket; isClosed: boolean };
type Group = { connection: Connection; messages: Uint8Array[] };

export class PgliteServer {
  private readonly server: net.Server;
  private readonly queue: Group[] = [];
  private transactionOwner: Connection | null = null;
  private isProcessing = false;
  private nextId = 1;
  private readonly sockets = new Set<net.Socket>();

  private readonly credentials: ScramCredentials;

  constructor(
    private readonly db: PGlite,
    { password }: { password: string },
  ) {
    this.credentials = new ScramCredentials(password);
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Listens on a free loopback port; returns it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const address = this.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    return address.port;
  }

  /** Stops listening and drops the clients still connected (the owner is stopping: nobody may keep it open). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: net.Socket) {
    const connection: Connection = { id: this.nextId++, socket, isClosed: false };
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let isStarted = false;
    let pending: Uint8Array[] = [];
    // Between the start-up packet and a proven password: the packet waits here, PGlite has not seen it.
    let startup: Uint8Array | null = null;
    let exchange: ScramExchange | null = null;
    const refuse = () => {
      socket.end(errorResponse("28P01", "password authentication failed"));
      connection.isClosed = true;
    };

    socket.on("data", (chunk: Buffer) => {
      if (connection.isClosed) return;
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!isStarted) {
          // Untyped start-up packets: length, then a code.
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const packet = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          isStarted = true;
          startup = new Uint8Array(packet);
          socket.write(authentication(10, Buffer.from(`${SCRAM_MECHANISM}\0\0`)));
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const type = String.fromCharCode(buffer[0]!);
        const message = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (startup) {
          // The SASL exchange: only password messages ('p') are accepted until it succeeds.
          if (type !== "p" || connection.isClosed) return refuse();
          const payload = Buffer.from(message.subarray(5));
          if (!exchange) {
            exchange = this.credentials.startExchange();
            const nameEnd = payload.indexOf(0);
            const mechanism = payload.subarray(0, nameEnd).toString();
            const reply =
              mechanism === SCRAM_MECHANISM && nameEnd > 0
                ? exchange.first(payload.subarray(nameEnd + 5).toString())
                : null;
            if (!reply) return refuse();
            socket.write(authentication(11, Buffer.from(reply)));
            continue;
          }
          const reply = exchange.final(payload.toString());
          if (!reply) return refuse();
          socket.write(authentication(12, Buffer.from(reply)));
          // Proven: PGlite answers the start-up packet (AuthenticationOk, parameters, ReadyForQuery).
          this.enqueue({ connection, messages: [startup] });
          startup = null;
          continue;
        }
        if (type === "X") {
          socket.end();
          return;
        }
        pending.push(message);
        if (GROUP_ENDS.has(type)) {
          this.enqueue({ connection, messages: pending });
          pending = [];
        }
      }
    });
    const close = () => {
      if (connection.isClosed) return;
      connection.isClosed = true;
      void this.release(connection);
    };
    socket.on("close", close);
    socket.on("error", close);
  }

  private enqueue(group: Group) {
    this.queue.push(group);
    void this.process();
  }

  /** A client that went away mid-transaction must not leave the shared session inside it. */
  private async release(connection: Connection) {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index]!.connection === connection) this.queue.splice(index, 1);
    }
    if (this.transactionOwner === connection) {
      // exec() takes PGlite's own lock; it must not run inside runExclusive (that would wait on itself).
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => undefined);
      this.transactionOwner = null;
      void this.process();
    }
  }

  private takeNext(): Group | undefined {
    const owner = this.transactionOwner;
    if (!owner) return this.queue.shift();
    const index = this.queue.findIndex((group) => group.connection === owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process() {
    if (this.isProcessing) return;
    this.isProcessing = true;
    try {
      for (let group = this.takeNext(); group; group = this.takeNext()) {
        const { connection } = group;
        if (connection.isClosed) continue;
        try {
          await this.db.runExclusive(async () => {
            for (const message of group.messages) {
              await this.db.execProtocolRawStream(message, {
                onRawData: (data) => {
                  if (!connection.isClosed && connection.socket.writable) connection.socket.write(data);
                },
              });
            }
          });
        } catch {
          // A protocol failure is this client's alone: drop it, keep serving the others.
          connection.socket.destroy();
        }
        this.transactionOwner = this.db.isInTransaction() ? connection : null;
        if (this.transactionOwner?.isClosed) await this.release(this.transactionOwner);
      }
    } finally {
      this.isProcessing = false;
    }
  }
}

/** An Authentication message ('R') of the given kind: 10 SASL, 11 SASLContinue, 12 SASLFinal. */
function authentication(kind: number, data: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.write("R", 0);
  header.writeInt32BE(8 + data.length, 1);
  header.writeInt32BE(kind, 5);
  return Buffer.concat([header, data]);
}

/** A FATAL ErrorResponse ('E') with a SQLSTATE code and message. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
