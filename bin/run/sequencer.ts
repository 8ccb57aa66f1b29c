// The order of the suite's files: vitest's own (it also picks each shard's slice), with the
// schema-derived fuzz phase last. It sends malformed paths and oversize bodies that may
// bring a fragile target down, so every other behaviour is judged before it runs.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const FUZZ_FILES = /[\\/]suites[\\/]fuzz[\\/]/;

export class FuzzLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFuzz = (file: TestSpecification) => FUZZ_FILES.test(file.moduleId);
    return [...sorted.filter((file) => !isFuzz(file)), ...sorted.filter(isFuzz)];
  }
}
