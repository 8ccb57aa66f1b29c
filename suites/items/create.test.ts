import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./create.behaviours.ts";

proveBehaviours("Map Items: create and fetch", behaviours);
