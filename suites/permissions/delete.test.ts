import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./delete.behaviours.ts";

proveBehaviours("Permissions: delete and cascade", behaviours);
