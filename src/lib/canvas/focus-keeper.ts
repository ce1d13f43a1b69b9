/**
 * The keyboard focus never drops to the page's body because what held it went away: a deleted
 * statement, a closed menu, a notice's button that closed its notice. Browsers move the focus to
 * the body then (without a blur event), where keys reach nothing, and a keyboard user must Tab
 * from the top of the page. The keeper notes which element of the workspace holds the focus
 * (`watched` says which count: the workspace, its menus and dialogs) and, when that element
 * leaves the document while nothing else took the focus, gives it to `fallback()` (the selected
 * statement, else the canvas). The page's mutations are watched only while such an element
 * holds the focus.
 */
export function keepFocus(
	watched: (el: Element) => boolean,
	fallback: () => HTMLOrSVGElement | null | undefined
): () => void {
	let held: Element | undefined;
	const check = () => {
		if (!held || held.isConnected) return;
		held = undefined;
		watch.disconnect();
		// After the app's own moves of the focus (a component that focuses its next control once
		// its update is drawn, after a tick): only a focus nobody took is handed on.
		setTimeout(() => {
			const active = document.activeElement;
			if (active && active !== document.body) return;
			fallback()?.focus({ preventScroll: true });
		});
	};
	const watch = new MutationObserver(check);
	const onin = (e: FocusEvent) => {
		const el = e.target instanceof Element && watched(e.target) ? e.target : undefined;
		if (el && !held) watch.observe(document.body, { childList: true, subtree: true });
		if (!el && held) watch.disconnect();
		held = el;
	};
	document.addEventListener('focusin', onin);
	return () => {
		document.removeEventListener('focusin', onin);
		watch.disconnect();
	};
}
