import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./permissions.behaviours.ts";

proveBehaviours("Sequences: permissions", behaviours);
