/**
 * Type-ahead: what the reader types before a text field has the keyboard goes into it all the
 * same. A field often takes the focus a moment after the key that asked for it: the in-place
 * editor in the next frame (focusing forces a layout the frame does anyway), the name dialog
 * once its code has loaded. Meanwhile a typed letter would act on the map as a shortcut ("a"
 * adds an assumption, "d" deletes) or be lost.
 *
 * From `typeAhead()` until the field has the keyboard (or `stop`), a key pressed elsewhere:
 * - when the field is already in the page (`field`), gives it the keyboard (`begin`) and goes
 *   on into it: the browser types into the element that has the focus when keydown is over;
 * - before it is there, is kept (characters; Backspace takes the last one back) and typed into
 *   the first text field that takes the focus.
 * Enter and Escape, which the field acts on rather than types, are handed to `onkey` in their
 * turn; so is Ctrl/⌘+S, which then goes on to the page's own save. Other keys pressed before
 * the field is there (arrows, Tab) are dropped: they would move about the map meanwhile. No key
 * typed ahead reaches the map's shortcuts.
 */

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface TypeAheadOptions {
	/** The field, when it is already in the page but not yet given the keyboard. */
	field?: () => TextField | undefined;
	/** Give the field the keyboard (by default it is focused). */
	begin?: (field: TextField) => void;
	/** Enter, Escape or Ctrl/⌘+S, typed before the field had the keyboard. */
	onkey?: (e: KeyboardEvent, field: TextField) => void;
}

export interface TypeAhead {
	/** The field is ready: it takes the keyboard and what was typed ahead. */
	arrive(): void;
	/** Hold the keys no longer; what was kept is dropped. */
	stop(): void;
}

const isField = (el: EventTarget | null): el is TextField =>
	el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
const isSave = (e: KeyboardEvent) =>
	(e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';
const acted = (e: KeyboardEvent) => e.key === 'Enter' || e.key === 'Escape' || isSave(e);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

export function typeAhead(options: TypeAheadOptions = {}): TypeAhead {
	const { field, begin = (el) => el.focus({ preventScroll: true }), onkey } = options;
	/** Kept keys, in order: characters, and the keys the field acts on. */
	let kept: (string | KeyboardEvent)[] = [];
	let held = true;

	function stop() {
		if (!held) return;
		held = false;
		kept = [];
		removeEventListener('keydown', onkeydown, true);
		removeEventListener('focusin', onfocusin, true);
	}

	/** `el` has the keyboard: type what was kept into it, hand it the keys it acts on. */
	function deliver(el: TextField) {
		if (!held) return;
		const keys = kept;
		stop();
		let text = '';
		const flush = () => {
			if (!text) return;
			const end = el.maxLength > 0 ? el.maxLength - el.value.length : text.length;
			const start = el.selectionStart ?? el.value.length;
			el.setRangeText(text.slice(0, Math.max(0, end)), start, el.selectionEnd ?? start, 'end');
			el.dispatchEvent(new Event('input', { bubbles: true }));
			text = '';
		};
		for (const key of keys) {
			if (typeof key === 'string') text += key;
			else {
				flush();
				onkey?.(key, el);
			}
		}
		flush();
	}

	function arrive() {
		const el = field?.();
		if (!held || !el?.isConnected) return stop();
		begin(el);
		deliver(el);
	}

	function onkeydown(e: KeyboardEvent) {
		const el = field?.();
		if (field && !el?.isConnected) return stop();
		if (el) {
			arrive();
			if (e.target === el) return;
			if (acted(e)) onkey?.(e, el);
			// Save goes on to the page's own save; other keys are the field's alone.
			if (!isSave(e)) e.stopImmediatePropagation();
			return;
		}
		// A field has the keyboard already (the dialog came): the key is its own.
		if (isField(e.target)) return deliver(e.target);
		if (MODIFIERS.has(e.key)) return;
		if ((e.ctrlKey || e.metaKey) && !isSave(e)) return;
		if (!isSave(e)) {
			e.preventDefault();
			e.stopImmediatePropagation();
		}
		if (acted(e)) kept.push(e);
		else if ([...e.key].length === 1) kept.push(e.key);
		else if (e.key === 'Backspace' && typeof kept.at(-1) === 'string') kept.pop();
	}

	function onfocusin(e: FocusEvent) {
		const el = field?.();
		if (isField(e.target) && (!el || e.target === el)) deliver(e.target);
	}

	addEventListener('keydown', onkeydown, true);
	addEventListener('focusin', onfocusin, true);
	return { arrive, stop };
}
