// How an execution's steps are stored: the trigger step's output is the event itself, which is
// already stored, so it is left out (outputFromEvent) and filled back in from the event wherever
// the steps are read again (the API, a parked run going on).
import type { StepRecord } from '@hookflow/flow-model';

export function withoutTriggerOutput(steps: StepRecord[]): StepRecord[] {
  const [first, ...rest] = steps;
  if (!first || first.status !== 'success') return steps;
  const { output: _output, ...trigger } = first;
  return [{ ...trigger, outputFromEvent: true }, ...rest];
}

/** The stored steps with the trigger step's output back; left without one when the event is gone. */
export function withTriggerOutput(steps: StepRecord[], trigger: unknown): StepRecord[] {
  const [first, ...rest] = steps;
  if (!first?.outputFromEvent) return steps;
  const { outputFromEvent: _fromEvent, ...step } = first;
  return [trigger === undefined ? step : { ...step, output: trigger }, ...rest];
}
