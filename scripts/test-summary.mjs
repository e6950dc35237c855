// Sums the vitest JSON reports of every workspace into one closing line ("N passed, N failed"), so a
// CI log shows the whole suite's result at the end instead of one line per package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const { globSync } = await import('node:fs');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const pattern of workspaces) {
  for (const dir of globSync(pattern, { cwd: root })) {
    const pkgFile = join(root, dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (!pkg.scripts?.test) continue;
    const report = join(root, dir, '.vitest', 'report.json');
    if (!existsSync(report)) {
      missing.push(pkg.name);
      continue;
    }
    const data = JSON.parse(readFileSync(report, 'utf8'));
    passed += data.numPassedTests ?? 0;
    failed += data.numFailedTests ?? 0;
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  }
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
