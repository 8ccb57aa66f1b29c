import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./ifMatch.behaviours.ts";

proveBehaviours("Map Items: If-Match", behaviours);
