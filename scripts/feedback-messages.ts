/**
 * Every distinct feedback message and hint the comparison gives over the fixtures'
 * student variants, with the first variant that gives it: for reading them as a teacher
 * would. Run: npx tsx scripts/feedback-messages.ts
 */
import { compareMaps } from '../src/lib/compare';
import { loadCases } from '../tests/fixtures/compare/score';

const seen = new Map<string, string>();
for (const c of loadCases())
	for (const f of compareMaps(c.reference, c.student).findings)
		for (const t of [f.message, ...f.hints.map((h) => `  hint ${h.level}: ${h.text}`)])
			if (!seen.has(t)) seen.set(t, `${c.exercise}/${c.variant}`);
for (const [text, where] of seen) console.log(`${where}: ${text}`);
