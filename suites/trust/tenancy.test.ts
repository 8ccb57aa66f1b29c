import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./tenancy.behaviours.ts";

proveBehaviours("Tenancy: one service's maps kept from every other", behaviours);
