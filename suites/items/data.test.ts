import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./data.behaviours.ts";

proveBehaviours("Map Items: data", behaviours);
