/**
 * One line for a list of zod issues: "path.to.field: message; other: message". Every error that names a
 * bad field (stored documents, shell commands, server API bodies, mock rules) is worded the same way.
 */
export function describeZodIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, root = '(root)'): string {
  return issues.map((i) => `${i.path.map(String).join('.') || root}: ${i.message}`).join('; ');
}
