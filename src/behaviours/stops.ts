// The two ways a behaviour stops early without being broken by the harness.

/** Thrown to stop a behaviour once a failure leaves nothing meaningful to check. */
export class BehaviourAborted extends Error {
  constructor() {
    super("behaviour stopped after a failure");
    this.name = "BehaviourAborted";
  }
}

/**
 * Thrown when the behaviour cannot be judged under this run's documents (the --spec
 * document lacks an operation it checks): reported as skipped with the reason.
 */
export class BehaviourSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "BehaviourSkipped";
  }
}
