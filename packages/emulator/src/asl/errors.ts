import { shorten } from '../http-error.js';

/**
 * A run-time failure of a state machine, named like Amazon States Language errors
 * (`States.Runtime`, `States.NoChoiceMatched`): it fails the workflow execution, it is not an
 * HTTP error.
 */
export class AslError extends Error {
  constructor(
    /** The ASL error name. */
    readonly error: string,
    message: string,
  ) {
    // It is stored in the execution's output: a path or value it quotes must not make it huge.
    super(shorten(message));
    this.name = 'AslError';
  }
}
