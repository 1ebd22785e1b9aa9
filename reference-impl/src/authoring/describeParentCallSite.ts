/**
 * Describes the call site of the function that called this one, as
 * `file:line:column`, for feature loader descriptions.
 */
export function describeParentCallSite(): string {
  const { stack } = new Error();
  if (!stack) {
    return '<unknown>';
  }
  // Frame 0 is the message line, frame 1 this function, frame 2 the caller
  // (the authoring helper), frame 3 the caller's caller: the user's code.
  const line = stack.split('\n')[3]?.trim();
  if (!line) {
    return '<unknown>';
  }
  const open = line.indexOf('(');
  if (open >= 0) {
    return line.substring(open + 1, line.lastIndexOf(')'));
  }
  return line.replace(/^at\s+/, '');
}
