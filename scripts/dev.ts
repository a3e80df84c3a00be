// npm run dev — the whole product on http://localhost:3000 with the embedded defaults, in one process.
import { exitOnStartupError } from "./exit-on-startup-error";

// Imported only now: the modules below read the environment as they load, and a refusal (no AUTH_SECRET in
// production) must reach exitOnStartupError as one line, not crash the import with a stack.
import("./serve").then(({ serve }) => serve({ dev: true })).catch(exitOnStartupError);
