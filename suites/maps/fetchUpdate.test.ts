import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./fetchUpdate.behaviours.ts";

proveBehaviours("Maps: fetch and update", behaviours);
