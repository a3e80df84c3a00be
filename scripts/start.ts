// npm start — the production server: migrations and bootstrap first, then Next.js on PORT.
import { exitOnStartupError } from "./exit-on-startup-error";

// Imported only now: the modules below read the environment as they load, and a refusal (no AUTH_SECRET in
// production) must reach exitOnStartupError as one line, not crash the import with a stack.
import("./serve").then(({ serve }) => serve({ dev: false })).catch(exitOnStartupError);
