/**
 * ELK options, all in one place. Figures are from DESIGN.md §4 (measured on this machine) and
 * scripts/bench.ts; change one only with a new measurement.
 */
export const layoutOptions: Record<string, string> = {
	'elk.algorithm': 'layered',
	// Thesis on top, reasons below the claim they support (argdown's default direction).
	'elk.direction': 'UP',
	'elk.edgeRouting': 'ORTHOGONAL',
	// Keeps the author's sibling order from `elk.position` hints (0% inversions) at the cost of
	// a plain layout. considerModelOrder.* is 7× slower at 250 nodes and 90× at 1000: never use it.
	'elk.layered.crossingMinimization.semiInteractive': 'true',
	// Crossing minimisation's rounds (default 7). Measured on 217 maps (the two article maps, every
	// single critique added to them, generated maps of 60 to 1000 statements; docs/layout-speed.md):
	// 3 places every statement where 7 does on 203 of them, keeps size and connector length, adds
	// one segment crossing on most article variants (67 → 68 on the article map) and costs 30–38%
	// less CPU. 5 changes nothing measurable for 10–14% less; 1 moves 22 of the article's 31 boxes.
	'elk.layered.thoroughness': '3',
	// Every statement as close to the thesis as its longest chain of reasons allows, so all of
	// the thesis's reasons share the first row. Measured on the article map: 2.5× faster than
	// the default network-simplex layering (85 vs 230 ms cold) and the same width.
	'elk.layered.layering.strategy': 'LONGEST_PATH',
	// Brandes–Köpf: network simplex gave the same drawing for 1.3–20× the time.
	'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
	'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
	'elk.spacing.nodeNode': '28',
	'elk.layered.spacing.nodeNodeBetweenLayers': '56',
	'elk.layered.spacing.edgeNodeBetweenLayers': '20',
	'elk.spacing.edgeNode': '14',
	'elk.spacing.edgeEdge': '10',
	'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
	'elk.padding': '[top=24,left=24,bottom=24,right=24]',
	'elk.separateConnectedComponents': 'true',
	'elk.spacing.componentComponent': '48'
};

/** Geometry of evidence columns and junctions (px). */
export const COLUMN = {
	pad: 10,
	header: 18,
	gap: 10,
	indent: 22,
	minItems: 2,
	maxNested: 3,
	// A folded column shows only its caption.
	collapsedHeight: 40
} as const;
export const JUNCTION_SIZE = 10;
