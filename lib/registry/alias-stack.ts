// Rollback semantics, kept pure so they can be tested on their own. Replaying an alias's change
// history as a stack makes repeated rollbacks walk back through earlier versions (3 → 2 → 1)
// instead of toggling between the last two, which is what "undo" means to an operator.

// `toVersion` is null when the alias was removed (MLflow's delete-alias): the history restarts.
export type StackChange = { action: string; toVersion: number | null };

// promote v → push v (unless v is already on top); rollback to v → pop until v is on top, or
// push v when it is not on the stack (a rollback to a version the alias never pointed at).
export function replayAliasStack(changes: readonly StackChange[]): number[] {
  const stack: number[] = [];
  for (const c of changes) {
    if (c.toVersion === null) {
      stack.length = 0;
      continue;
    }
    if (c.action === "rollback") {
      const at = stack.lastIndexOf(c.toVersion);
      if (at >= 0) {
        stack.length = at + 1;
        continue;
      }
    }
    if (stack[stack.length - 1] !== c.toVersion) stack.push(c.toVersion);
  }
  return stack;
}

// The version a plain rollback returns to: the entry below the top, or null when there is none.
export function previousVersion(stack: readonly number[]): number | null {
  return stack.length >= 2 ? stack[stack.length - 2] : null;
}
