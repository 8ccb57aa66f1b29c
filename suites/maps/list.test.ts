import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./list.behaviours.ts";

proveBehaviours("Maps: list and paging", behaviours);
