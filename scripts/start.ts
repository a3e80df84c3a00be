// npm start — the production server: migrations and bootstrap first, then Next.js on PORT.
import { exitOnStartupError } from "./exit-on-startup-error";

// tsx turns on Node's source maps as it loads, and with them on Node reads and keeps the map of every module it
// loads: Next.js's server chunks alone bring some 100 MB of maps into the heap of a server that should fit in
// 400 MB with its database. Off here, a production stack trace names the built file's line (our own files keep
// theirs, give or take a few lines; Next.js's chunks are minified either way). NODE_OPTIONS=--enable-source-maps
// keeps them on, for a hunt that needs the original lines.
if (!process.execArgv.includes("--enable-source-maps") && !process.env.NODE_OPTIONS?.includes("--enable-source-maps")) {
  process.setSourceMapsEnabled(false);
}

// Imported only now: the modules below read the environment as they load, and a refusal (no AUTH_SECRET in
// production) must reach exitOnStartupError as one line, not crash the import with a stack.
import("./serve").then(({ serve }) => serve({ dev: false })).catch(exitOnStartupError);
