// DATA_DIR holds the embedded database (password hashes, the VAPID private key) and generated secrets: only the
// user running Ringback may read it. An existing directory with wider rights (older versions made it 0755) is
// tightened too.
import fs from "node:fs";

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}
