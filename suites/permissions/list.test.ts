import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./list.behaviours.ts";

proveBehaviours("Permissions: list and paging", behaviours);
