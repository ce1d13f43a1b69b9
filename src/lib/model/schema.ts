/**
 * The map format, version 5 (CURRENT_VERSION), as a zod schema. This file is the single source of truth:
 * `arguments/schema.json` is generated from it (`npm run schema`) and a test fails when the
 * two drift apart. Shapes are strict: an unknown key is an error, so a typo in a hand-edited
 * file is reported instead of silently dropped.
 */
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { MAX_ID_LENGTH, SLUG_PATTERN, SLUG_RULE } from './ids';
import { FLAG_TYPES, QUESTION_IDS, SCHEME_IDS } from './catalogue';
import { MAX_ANCHOR_WORDS, MAX_BLOCKS, MAX_BLOCK_CHARS, MAX_TEXT_CHARS, countWords } from './words';

// zod/mini (a fraction of full zod in the browser's bundle) ships no messages of its own: its
// English ones say what a file got wrong ("Too big: expected array to have <=20 items").
z.config(en());

export const FORMAT = 'warrant-map';
/**
 * 2 adds the reader's evaluation: verdicts, strengths, flags, schemes and critical questions.
 * 3 adds the source text (`text`), anchor selectors (prefix, suffix, start, end) and whether the
 * text states a source item or the reconstruction infers it (`inText`).
 * 4 adds the reader's questioning of a statement (`questioned`, Carneades' "questioned": the
 * statement must now be shown, not presumed), the `sources` a reader statement relies on, and
 * whose a map is: its `owner`, and what a copy is `basedOn`.
 * 5 adds the order a teacher gave the map's walkthrough (`walkthrough`), presented step by step.
 */
export const CURRENT_VERSION = 5;

/** Ids are slugs: they end up in URLs and file names, so nothing else is allowed. */
export const slug = z
	.string()
	.check(
		z.minLength(1, 'must not be empty'),
		z.maxLength(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
		z.regex(SLUG_PATTERN, `must be a slug: ${SLUG_RULE}`)
	);

/** Visible text: no control characters (tabs and newlines aside), trimmed, bounded. */
const text = (max: number, ...more: z.core.$ZodCheck<string>[]) =>
	z.string().check(
		z.maxLength(max, `must be at most ${max} characters`),
		z.refine(
			// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
			(s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
			'must not contain control characters'
		),
		z.refine((s) => s.trim() === s, 'must not start or end with white space'),
		...more
	);

/** The check that a text is not empty (after `text()`'s own, so its messages come first). */
const filled = () => z.refine<string>((t) => t.length > 0, 'must not be empty');

/** A whole number from `min` to `max`. */
const whole = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const NODE_KINDS = ['thesis', 'claim', 'evidence', 'assumption'] as const;
export const RELATIONS = ['supports', 'attacks', 'undercuts'] as const;
export const ORIGINS = ['source', 'reader'] as const;
export const BASES = [
	'statistic',
	'project',
	'agreement',
	'event',
	'poll',
	'quote',
	'expert',
	'document',
	'programme',
	'example'
] as const;
export const QUALIFIERS = [
	'exactly',
	'about',
	'up to',
	'more than',
	'at most',
	'at least'
] as const;
export const VERDICTS = ['accepted', 'rejected', 'open'] as const;
/** Does the text state a source item, or does the reconstruction infer it? */
export const IN_TEXT = ['stated', 'inferred'] as const;
export const STRENGTHS = ['strong', 'moderate', 'weak'] as const;

/** A reasoning issue a reader attaches to a statement or a link. */
export const flagSchema = z.strictObject({
	type: z.enum(FLAG_TYPES as [string, ...string[]]),
	note: z.optional(text(1000)),
	author: z.optional(text(80))
});

/**
 * Context beside a quote: kept as the text has it, spaces at either end included (the space
 * between the context and the quote is part of the context), so it cannot use `text()`.
 */
const context = z.string().check(
	z.minLength(1, 'must not be empty'),
	z.maxLength(200, 'must be at most 200 characters'),
	z.refine(
		// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
		(s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s),
		'must not contain control characters'
	)
);

/**
 * Where in the source a statement comes from, as the W3C Web Annotation model stores it: a
 * text quote selector (`quote` is its `exact`, with optional `prefix` and `suffix`) and a text
 * position selector (`start`, `end`), plus the paragraph number for display. Offsets count
 * UTF-16 code units (JavaScript string indices) into the map's text with its blocks joined by
 * a blank line ("\n\n"). A selection longer than 15 words keeps its whole range in
 * start/end and only its first words in `quote` (see `MAX_ANCHOR_WORDS`).
 */
export const anchorSchema = z
	.strictObject({
		/** 1 = the first numbered paragraph of the source (blocks marked `skip` get no number). */
		paragraph: whole(1, 10000),
		/** The exact words of the source where the anchor starts: an anchor, not a copy. */
		quote: z.optional(text(300, filled())),
		/** The text just before the quote, for telling apart two places with the same words. */
		prefix: z.optional(context),
		/** The text just after the quote. */
		suffix: z.optional(context),
		/** Where the anchored passage starts in the text (a character offset). */
		start: z.optional(whole(0, MAX_TEXT_CHARS)),
		/** Where it ends (exclusive). */
		end: z.optional(whole(1, MAX_TEXT_CHARS))
	})
	.check(
		z.superRefine((a, ctx) => {
			const words = countWords(`${a.prefix ?? ''}${a.quote ?? ''}${a.suffix ?? ''}`);
			if (words > MAX_ANCHOR_WORDS)
				ctx.addIssue({
					code: 'custom',
					path: ['quote'],
					message: `${a.prefix || a.suffix ? 'prefix, quote and suffix together' : 'a quote'} may have at most ${MAX_ANCHOR_WORDS} words; ${a.prefix || a.suffix ? 'these have' : 'this one has'} ${words}`
				});
			if ((a.prefix !== undefined || a.suffix !== undefined) && a.quote === undefined)
				ctx.addIssue({
					code: 'custom',
					path: [a.prefix !== undefined ? 'prefix' : 'suffix'],
					message: 'context needs a quote to stand beside'
				});
			if ((a.start === undefined) !== (a.end === undefined))
				ctx.addIssue({
					code: 'custom',
					path: [a.start === undefined ? 'start' : 'end'],
					message: 'start and end come together: give both or neither'
				});
			else if (a.start !== undefined && a.end !== undefined && a.end <= a.start)
				ctx.addIssue({
					code: 'custom',
					path: ['end'],
					message: `must be after start (${a.start}); found ${a.end}`
				});
		})
	);

export const figureSchema = z.strictObject({
	value: z.number(),
	/**
	 * ISO currency code or a plain unit: "USD", "%", "% of GDP", "students", "aimags"; absent
	 * for a count whose text names no unit ("92 million", "46 of 310").
	 */
	unit: z.optional(text(40, filled())),
	/** The year the figure refers to; with yearEnd, the first year of a span. */
	year: z.optional(whole(1000, 3000)),
	yearEnd: z.optional(whole(1000, 3000)),
	qualifier: z.optional(z.enum(QUALIFIERS)),
	/** What is counted, when the unit alone does not say: "loan", "final cost". */
	what: z.optional(text(60))
});

/**
 * A reader's question to a statement: "show me". Not a counter-claim: a questioned statement
 * with no standing reason is not established, but nothing says it is false.
 */
export const questionSchema = z.strictObject({
	author: z.optional(text(80)),
	/** What the reader asks for: "which figures show the grant was humanitarian?". */
	note: z.optional(text(1000))
});

/** Where a fact from outside the text can be checked: a publication, its date, its address. */
export const referenceSchema = z.strictObject({
	title: text(300, filled()),
	url: z.optional(z.url().check(z.maxLength(2000))),
	/** ISO date (YYYY-MM-DD), or a year-month or a year when that is all the source gives. */
	date: z.optional(
		z
			.string()
			.check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY-MM-DD, YYYY-MM or YYYY'))
	)
});

export const nodeSchema = z.strictObject({
	id: slug,
	kind: z.enum(NODE_KINDS),
	/** A short name shown above the text: "Motive 3". */
	label: z.optional(text(60)),
	text: text(2000, filled()),
	tags: z.optional(z.array(slug).check(z.maxLength(20))),
	origin: z.enum(ORIGINS),
	/** Who added a reader item. */
	author: z.optional(text(80)),
	/** Source items only: `stated` by the text, or `inferred` by the reconstruction. */
	inText: z.optional(z.enum(IN_TEXT)),
	anchors: z.optional(z.array(anchorSchema).check(z.maxLength(20))),
	/** Evidence only: what kind of evidence this is. */
	basis: z.optional(z.enum(BASES)),
	figures: z.optional(z.array(figureSchema).check(z.maxLength(20))),
	/** The reader's judgement of the statement itself. */
	verdict: z.optional(z.enum(VERDICTS)),
	/** A reader questions it: from now on it holds only with a standing reason. */
	questioned: z.optional(questionSchema),
	/** Reader statements: where the outside facts they rely on can be checked. */
	sources: z.optional(z.array(referenceSchema).check(z.maxLength(20))),
	flags: z.optional(z.array(flagSchema).check(z.maxLength(20)))
});

export const linkSchema = z.strictObject({
	id: slug,
	/** The reason (or objection): a node id. */
	from: slug,
	/** The conclusion (a node id), or for `undercuts` the link it attacks (a link id). */
	to: slug,
	relation: z.enum(RELATIONS),
	/** Co-premises: nodes that only support or attack `to` together with `from`. */
	with: z.optional(z.array(slug).check(z.maxLength(10))),
	origin: z.enum(ORIGINS),
	author: z.optional(text(80)),
	/** Source links only: does the text make this step, or does the reconstruction infer it? */
	inText: z.optional(z.enum(IN_TEXT)),
	/** The reader's judgement of how well the reason supports its conclusion. */
	strength: z.optional(z.enum(STRENGTHS)),
	/** The argumentation scheme of the inference (catalogue.ts). */
	scheme: z.optional(z.enum(SCHEME_IDS as [string, ...string[]])),
	/** Answers to the scheme's critical questions, by question id. */
	answers: z.optional(
		z
			.record(z.string(), z.enum(['doubted', 'satisfied']))
			.check(
				z.refine(
					(r) => Object.keys(r).every((k) => QUESTION_IDS.includes(k)),
					'names a critical question that does not exist'
				)
			)
	),
	flags: z.optional(z.array(flagSchema).check(z.maxLength(20)))
});

export const sourceSchema = z.strictObject({
	title: text(300, filled()),
	author: z.optional(text(200)),
	publication: z.optional(text(200)),
	/** ISO date, YYYY-MM-DD. */
	date: z.optional(
		z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'))
	),
	/** BCP 47 language tag: "en". */
	language: z.optional(
		z
			.string()
			.check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en"'))
	),
	url: z.optional(z.url().check(z.maxLength(2000)))
});

/**
 * One block of the source text: a paragraph, a heading, a list. Its text has no blank line
 * inside (blank lines separate blocks) and no carriage returns (line endings are normalised).
 */
export const blockSchema = z.strictObject({
	text: text(
		MAX_BLOCK_CHARS,
		filled(),
		z.refine((t) => !t.includes('\r'), 'must not contain carriage returns (use \\n)'),
		z.refine((t) => !/\n[ \t]*\n/.test(t), 'must not contain a blank line (blocks are split there)')
	),
	/** Not part of the argument (navigation, byline, caption): kept, but given no paragraph number. */
	skip: z.optional(z.literal(true))
});

/** The source text as blocks in order; joined with "\n\n" it is the text anchors count in. */
export const textSchema = z.array(blockSchema).check(
	z.minLength(1, 'must have at least one block'),
	z.maxLength(MAX_BLOCKS, `must have at most ${MAX_BLOCKS} blocks`),
	z.refine(
		(blocks) => blocks.reduce((n, b) => n + b.text.length + 2, -2) <= MAX_TEXT_CHARS,
		`must be at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters in all`
	)
);

/** A revision of a map file: its ETag without the quotes (a hash of the file's bytes). */
export const REVISION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What a copy was made from: the original map's id and the revision (the hash of its file, its
 * ETag) it had then, so the copy's source layer stays tied to the version it was read from.
 */
export const basedOnSchema = z.strictObject({
	id: slug,
	revision: z
		.string()
		.check(z.regex(REVISION_PATTERN, 'must be a revision: 1 to 64 letters, digits, "-" or "_"'))
});

/** The key of the walkthrough's closing step (what follows for the thesis): never a node id. */
export const FOLLOWS_STEP = '#follows';

/**
 * A saved walkthrough order: step keys (a step's key is the id of the statement it presents, or
 * `FOLLOWS_STEP`). Steps the map no longer has are skipped; steps it gained keep their place in
 * the argument's order (model/walkthrough.ts), so the order never has to be kept in step by hand.
 */
export const walkthroughSchema = z.strictObject({
	order: z.array(z.union([slug, z.literal(FOLLOWS_STEP)])).check(z.maxLength(5001))
});

export const mapSchema = z.strictObject({
	$schema: z.optional(z.string().check(z.maxLength(300))),
	format: z.literal(FORMAT),
	version: z.literal(CURRENT_VERSION),
	/** The map's own title; defaults to the source's title where absent. */
	title: z.optional(text(300)),
	/**
	 * Whose map it is: the name given when it was made in the app (New map, Duplicate, a saved
	 * copy). A map without an owner is shared (the class's): the app never saves into it, it saves
	 * a reader's work as their own copy. A name is not a secret: this keeps work apart, it does not
	 * keep anyone out.
	 */
	owner: z.optional(text(80, filled())),
	/** What this map is a copy of. */
	basedOn: z.optional(basedOnSchema),
	source: sourceSchema,
	nodes: z
		.array(nodeSchema)
		.check(z.minLength(1, 'must have at least one node'), z.maxLength(5000)),
	links: z.array(linkSchema).check(z.maxLength(20000)),
	/** The source text, when the map carries it (optional: someone else's text may not be shared). */
	text: z.optional(textSchema),
	/** The order of the walkthrough's steps, when a teacher changed it (absent: the argument's order). */
	walkthrough: z.optional(walkthroughSchema)
});

export type ArgumentMap = z.infer<typeof mapSchema>;
export type MapNode = z.infer<typeof nodeSchema>;
export type MapLink = z.infer<typeof linkSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type NodeKind = (typeof NODE_KINDS)[number];
export type Relation = (typeof RELATIONS)[number];
export type Origin = (typeof ORIGINS)[number];
export type Basis = (typeof BASES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type Strength = (typeof STRENGTHS)[number];
export type Flag = z.infer<typeof flagSchema>;
export type InText = (typeof IN_TEXT)[number];
export type Question = z.infer<typeof questionSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BasedOn = z.infer<typeof basedOnSchema>;
export type SourceText = z.infer<typeof textSchema>;
export type Walkthrough = z.infer<typeof walkthroughSchema>;
