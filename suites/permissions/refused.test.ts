import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./refused.behaviours.ts";

proveBehaviours("Permissions: refused requests", behaviours);
