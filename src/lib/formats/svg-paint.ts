/**
 * The paint of a map picture: the canvas's colours and rules (PAINT, checked against the
 * components' stylesheets by svg.test.ts), and how a rule becomes SVG presentation attributes,
 * with the text made safe for XML.
 */

/** The CSS custom properties of app.css the components' colours name. */
export const COLOURS = {
	'--ink': '#1b2430',
	'--muted': '#5b6675',
	'--accent': '#1f5fbf',
	'--thesis': '#1f3a5f',
	'--support': '#2f7d4f',
	'--attack': '#c0392b',
	'--rebuttal': '#d9822b',
	'--reader': '#7048b6'
} as const;
export const C = COLOURS;

type Paint = Readonly<Record<string, string>>;

/**
 * The canvas's paint, rule by rule, keyed by the selector the component's stylesheet uses
 * (MapNodeBox, NodeMarks, MapEdges, EvidenceColumns), with custom properties resolved.
 */
export const PAINT = {
	// MapNodeBox
	'.frame': { fill: '#fff', stroke: '#7b8794', 'stroke-width': '1.5' },
	'.header': { fill: C['--muted'], 'letter-spacing': '0' },
	'.body': { fill: C['--ink'] },
	'.thesis .frame': { fill: '#e7eef8', stroke: C['--thesis'], 'stroke-width': '3' },
	'.thesis .header': { fill: C['--thesis'] },
	'.claim .frame': { fill: '#fbfcfe', stroke: '#4a5a6e' },
	'.claim .header': { fill: '#2c4a73' },
	'.evidence .frame': { fill: '#fff', stroke: '#a3afbd', 'stroke-width': '1' },
	'.assumption .frame': { 'stroke-dasharray': '6 4', fill: '#fffdf4' },
	'.reader .frame': { stroke: C['--reader'], 'stroke-width': '2.5' },
	'.inferred .frame': { 'stroke-dasharray': '2 3', 'stroke-width': '1.75' },
	'.chip rect': { fill: '#e3f0e8', stroke: '#9cc7ab', 'stroke-width': '0.75' },
	'.chip text': { fill: '#1d5133' },
	// NodeMarks
	'.status rect': { 'stroke-width': '1' },
	'.status path': { fill: 'none', 'stroke-width': '1.8', 'stroke-linecap': 'round' },
	'.status.holds rect': { fill: '#e3f2e8', stroke: '#7fbf95' },
	'.status.holds path': { stroke: '#1b5e36' },
	'.status.holds text': { fill: '#1b5e36' },
	'.status.defeated rect': { fill: '#fbe5e2', stroke: '#e39b92' },
	'.status.defeated path': { stroke: C['--attack'] },
	'.status.defeated text': { fill: '#9c2419' },
	'.status.open rect': { fill: '#fff3d6', stroke: '#e3c06b' },
	'.status.open circle': { stroke: '#9a6b00' },
	'.status.open text': { fill: '#6e4a00' },
	'.status.unestablished rect': { fill: '#eef1f5', stroke: '#8794a6', 'stroke-dasharray': '3 2' },
	'.status.unestablished path': { stroke: '#3d4a5c' },
	'.status.unestablished text': { fill: '#3d4a5c' },
	'.author rect': { fill: '#f1ebfb', stroke: C['--reader'], 'stroke-width': '1' },
	'.author text': { fill: C['--reader'] },
	'.flagmark rect': { fill: '#fff', stroke: C['--rebuttal'], 'stroke-width': '1.5' },
	'.flagmark path': { fill: C['--rebuttal'], stroke: C['--rebuttal'], 'stroke-width': '1' },
	'.flagmark text': { fill: '#8a4b0c' },
	'.extra rect': { 'stroke-width': '1' },
	'.extra.good rect': { fill: '#e3f2e8', stroke: '#7fbf95' },
	'.extra.good text': { fill: '#1b5e36' },
	'.extra.bad rect': { fill: '#fbe5e2', stroke: '#e39b92' },
	'.extra.bad text': { fill: '#9c2419' },
	'.extra.warn rect': { fill: '#fff3d6', stroke: '#e3c06b' },
	'.extra.warn text': { fill: '#6e4a00' },
	'.extra.info rect': { fill: '#e8f0fb', stroke: '#8fb0e0' },
	'.extra.info text': { fill: C['--accent'] },
	// MapEdges
	'.edge': { fill: 'none', 'stroke-linejoin': 'round' },
	'.inferred-word': {
		'font-size': '10px',
		'font-weight': '600',
		'font-style': 'italic',
		fill: '#3d4a5c',
		stroke: '#fff',
		'stroke-width': '3px'
	},
	'.join': { fill: 'none', stroke: C['--ink'], 'stroke-width': '2.5', 'stroke-linecap': 'round' },
	'.junction': { fill: '#fff', stroke: C['--muted'], 'stroke-width': '2' },
	'.junction.undercut': { stroke: C['--attack'] },
	// EvidenceColumns
	'.column': { fill: '#eceff3', stroke: '#c9d1da', 'stroke-width': '1' },
	'.caption rect': { fill: 'transparent' },
	'.caption text': { fill: C['--muted'] }
} as const satisfies Record<string, Paint>;

export type Rule = keyof typeof PAINT;

/** How much the text's own items recede when the critique is highlighted (MapCanvas, MapEdges, EvidenceColumns). */
export const RECEDE = { node: '0.45', edge: '0.35', column: '0.5' } as const;

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};
/** Text made safe for XML content and attribute values (and stripped of characters XML forbids). */
export function xml(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
			.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
	);
}

/** Attributes from paint rules applied in cascade order (later rules win), plus extra ones. */
export function attrs(
	rules: readonly (Rule | false | undefined)[],
	extra: Record<string, string | number | undefined> = {}
): string {
	const merged: Record<string, string | number | undefined> = {};
	for (const r of rules) if (r) Object.assign(merged, PAINT[r]);
	Object.assign(merged, extra);
	return Object.entries(merged)
		.filter(([k, v]) => v !== undefined && k !== 'letter-spacing')
		.map(([k, v]) => ` ${k}="${xml(String(v).replace(/px$/, ''))}"`)
		.join('');
}

/** A coordinate rounded to hundredths. */
export const n = (v: number) => Math.round(v * 100) / 100;
