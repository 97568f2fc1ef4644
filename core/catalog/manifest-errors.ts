import type { z } from 'zod';

/** One line per bad field, naming it the way the author wrote it: `permissions.openApi[1]: Invalid option …`. */
export function describeIssues(error: z.ZodError, file = 'manifest.json'): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
      .join('');
    return `${file}: ${path || '(root)'}: ${issue.message}`;
  });
}
