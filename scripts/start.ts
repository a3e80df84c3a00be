// npm start — the production server: migrations and bootstrap first, then Next.js on PORT.
import { exitOnStartupError } from "./exit-on-startup-error";
import { serve } from "./serve";

serve({ dev: false }).catch(exitOnStartupError);
