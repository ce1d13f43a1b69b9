/**
 * One statement of a map picture: its frame, header, words and chips, and its marks (status,
 * flags, author, other views' marks) where layout/box.ts puts them.
 */
import type { MapNode } from '../model/schema';
import type { Status } from '../model/evaluate';
import {
	FLAG_ICON,
	STATUS_ICON,
	frameRadius,
	headerBeside,
	isInferred,
	nodeMarks,
	type BoxMarks,
	type Mark
} from '../layout/box';
import type { PlacedNode } from '../layout/types';
import { RECEDE, attrs, n, xml, type Rule } from './svg-paint';

/** One small mark: its rectangle, an optional icon, its word. */
function mark(
	m: Mark,
	rules: { rect: Rule[]; text: Rule[]; icon?: string },
	rx: number,
	title?: string
): string {
	return (
		`<g transform="translate(${n(m.x)} ${n(m.y)})">` +
		(title ? `<title>${xml(title)}</title>` : '') +
		`<rect${attrs(rules.rect, { width: n(m.width), height: m.height, rx })}/>` +
		(rules.icon ?? '') +
		`<text${attrs(rules.text, { x: m.textX, y: m.textY, 'font-size': 10, 'font-weight': 600 })}>${xml(m.text)}</text></g>`
	);
}

function statusIcon(status: Status): string {
	const icon = STATUS_ICON[status];
	const rules: Rule[] = ['.status path', `.status.${status} path` as Rule];
	if ('path' in icon) return `<path${attrs(rules, { d: icon.path })}/>`;
	return `<circle${attrs(['.status path', '.status.open circle'], { cx: icon.cx, cy: icon.cy, r: icon.r })}/>`;
}

function marksOf(marks: BoxMarks): string {
	let out = '';
	if (marks.status) {
		const s = marks.status.status;
		out += mark(
			marks.status,
			{
				rect: ['.status rect', `.status.${s} rect` as Rule],
				text: [`.status.${s} text` as Rule],
				icon: statusIcon(s)
			},
			8
		);
	}
	if (marks.flags)
		out += mark(
			marks.flags,
			{
				rect: ['.flagmark rect'],
				text: ['.flagmark text'],
				icon: `<path${attrs(['.flagmark path'], { d: FLAG_ICON })}/>`
			},
			4
		);
	if (marks.author)
		out += mark(marks.author, { rect: ['.author rect'], text: ['.author text'] }, 8);
	for (const m of marks.extra)
		out += mark(
			m,
			{
				rect: ['.extra rect', `.extra.${m.tone} rect` as Rule],
				text: [`.extra.${m.tone} text` as Rule]
			},
			8,
			m.title
		);
	return out;
}

/** One statement; `name` is its name in the map (`nodeName` with its role), its header. */
export function statement(
	node: MapNode,
	placed: PlacedNode,
	name: string,
	status: Status | undefined,
	recede: boolean
): string {
	const box = placed.box;
	const reader = node.origin === 'reader';
	const kind = node.kind;
	const frame = attrs(
		[
			'.frame',
			`.${kind} .frame` as Rule,
			reader && '.reader .frame',
			isInferred(node) && '.inferred .frame'
		],
		{ width: n(box.width), height: n(box.height), rx: frameRadius(kind) }
	);
	const headerRules: Rule[] = ['.header'];
	if (kind === 'thesis' || kind === 'claim') headerRules.push(`.${kind} .header` as Rule);
	const geometry = nodeMarks(node, box, { status, flagCount: node.flags?.length ?? 0 });
	// As the canvas draws it: the name fitted beside its status mark.
	const words = headerBeside(name, box, geometry.status);
	const header = `<text${attrs(headerRules, { x: box.header.x, y: box.header.y, 'font-size': box.headerStyle.size, 'font-weight': box.headerStyle.weight })}>${xml(words)}</text>`;
	const lines = box.lines
		.map((l) => `<tspan x="${n(l.x)}" y="${n(l.y)}">${xml(l.text)}</tspan>`)
		.join('');
	const body = `<text${attrs(['.body'], { 'font-size': box.bodyStyle.size, 'font-weight': box.bodyStyle.weight })}>${lines}</text>`;
	const chips = box.chips
		.map(
			(c) =>
				`<g transform="translate(${n(c.x)} ${n(c.y)})"><rect${attrs(['.chip rect'], { width: n(c.width), height: c.height, rx: c.height / 2 })}/><text${attrs(['.chip text'], { x: 6, y: c.height - 5, 'font-size': 11, 'font-weight': 600 })}>${xml(c.text)}</text></g>`
		)
		.join('');
	const title = reader ? `<title>Added by ${xml(node.author ?? 'a reader')}</title>` : '';
	const marks = marksOf(geometry);
	return `<g transform="translate(${n(placed.x)} ${n(placed.y)})" data-node-id="${xml(node.id)}"${recede ? ` opacity="${RECEDE.node}"` : ''}><rect${frame}/>${header}${body}${chips}${title}${marks}</g>`;
}
