/** Thrown by the suite's assertions: the implementation did not behave as required. */
export class AssertionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionFailure';
  }
}

/** Thrown by `ctx.skip(reason)`: the test cannot run here, for a stated reason. */
export class SkipSignal extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'SkipSignal';
    this.reason = reason;
  }
}
