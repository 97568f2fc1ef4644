import { describe, expect, it } from 'vitest';
import { ErrorLocator } from '../../../miniprogram/logic/error-location';
import { DevReporter } from '../../../miniprogram/logic/dev-reports';

// a bundle whose module pages/home/home.js starts on line 40 (its line 1)
const locator = () => new ErrorLocator({ 'app.js': 10, 'pages/home/home.js': 40 });
const BUILD = 'a'.repeat(64);

describe('stack frames of the app bundle as package file:line:col', () => {
  it('reads a frame of logic.js asked for with its build (?b=) as well as without', () => {
    expect(locator().locate(`Error: x\n    at t (http://app.localhost:7300/__wx/app/logic.js?b=${BUILD}:47:11)`)).toBe('pages/home/home.js:8:11');
    expect(locator().locate('Error: x\n    at t (http://app.localhost:7300/__wx/app/logic.js:47:11)')).toBe('pages/home/home.js:8:11');
    // another script's frames are not the package's
    expect(locator().locate(`Error: x\n    at t (http://app.localhost:7300/__wx/runtime/logic.js?v=1:47:11)`)).toBeUndefined();
  });

  it("rewrites the inspector's stack to the package's files, whatever the bundle's query", () => {
    const reports: unknown[] = [];
    const reporter = new DevReporter((m) => reports.push(m), locator());
    const stack = `Error: tap failed\n    at onTap (http://app.localhost:7300/__wx/app/logic.js?b=${BUILD}:47:11)\n    at x (http://app.localhost:7300/__wx/runtime/logic.js?v=1:1:2)`;
    expect(reporter.packageStack(stack)).toBe('Error: tap failed\n    at onTap (pages/home/home.js:8:11)\n    at x (http://app.localhost:7300/__wx/runtime/logic.js?v=1:1:2)');
  });
});
