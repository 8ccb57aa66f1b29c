import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./auth.behaviours.ts";

proveBehaviours("Authentication", behaviours);
