// npm run dev — the whole product on http://localhost:3000 with the embedded defaults, in one process.
import { exitOnStartupError } from "./exit-on-startup-error";
import { serve } from "./serve";

serve({ dev: true }).catch(exitOnStartupError);
