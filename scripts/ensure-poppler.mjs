// Makes sure poppler's pdftoppm and pdftotext are installed: the report's end-to-end test
// (tests/e2e/report.e2e.ts) prints the report to PDF, reads its text and renders its pages.
// As root with apt-get (CI, a fresh machine), missing tools are installed from Debian's
// poppler-utils; otherwise this says how to.
import { spawnSync } from 'node:child_process';
import { aptInstall, fail } from './apt-install.mjs';

const TOOLS = ['pdftoppm', 'pdftotext'];

/** The tools that are missing or do not run (`-v` prints the version and exits 0). */
function missing() {
	return TOOLS.filter((t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).status !== 0);
}

if (missing().length === 0) {
	console.log(`ensure-poppler: using ${TOOLS.join(' and ')}`);
	process.exit(0);
}
console.log(`ensure-poppler: ${missing().join(' and ')} not found.`);
aptInstall(
	'poppler-utils',
	'ensure-poppler',
	`the end-to-end test of the printed report needs ${missing().join(' and ')} (poppler). ` +
		`Install them with "sudo apt-get install poppler-utils" (or your system's equivalent), ` +
		`then run "npm run test:e2e" again.`
);
const still = missing();
if (still.length)
	fail(`ensure-poppler: poppler-utils was installed, but ${still.join(' and ')} still do not run.`);
console.log(`ensure-poppler: installed ${TOOLS.join(' and ')}`);
