import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./delete.behaviours.ts";

proveBehaviours("Maps: delete and cascade", behaviours);
