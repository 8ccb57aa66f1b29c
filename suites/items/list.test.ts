import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./list.behaviours.ts";

proveBehaviours("Map Items: list and paging", behaviours);
