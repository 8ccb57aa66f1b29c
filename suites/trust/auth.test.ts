import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./auth.behaviours.ts";

proveBehaviours("Authentication: both halves, malformed headers, refusals", behaviours);
