/**
 * What a person asks of an open map, whatever the way in: a key, a toolbar button, a menu item,
 * a panel field, a drag, (soon) a text selection. Components turn input into an `Intent` and
 * call `editor.dispatch(intent)`; the editor applies the rules and turns it into a command.
 */
import type { ChildRole } from '../commands/intents';
import type { LinkPatch, NodePatch } from '../commands/commands';
import type { Layer } from '../model/layers';
import type { ArgumentMap, Block, InText, Relation, Source, Verdict } from '../model/schema';
import type { ActionId } from './actions';

/**
 * What the reader is doing: reconstructing the text's argument (what they add is the text's:
 * the source layer) or critiquing it (what they add is their own, with their name).
 */
export type Mode = 'reconstruct' | 'critique';

/** The side panels a reader can open beside the map. */
export type Panel = 'follows' | 'source' | 'argdown';

export type Intent =
	// One of the named actions (editor/actions.ts), from a key, the toolbar or a menu.
	| { type: 'act'; action: ActionId; target?: string; back?: boolean }
	// Reading the map.
	| { type: 'select'; id: string | undefined }
	/** Select a link (`from`: the statement it was reached from, for Escape to go back to). */
	| { type: 'selectLink'; id: string | undefined; from?: string }
	/** A line that carries several links (an evidence column's) was clicked: ask which one. */
	| { type: 'chooseLink'; links: string[] }
	| { type: 'setLayer'; layer: Layer }
	| { type: 'setMode'; mode: Mode }
	| { type: 'toggleColumn'; target: string }
	| { type: 'foldAll'; fold: boolean }
	/** Fold statement `id`'s subtree away (`fold` true), unfold it (false), or toggle (undefined). */
	| { type: 'fold'; id: string; fold?: boolean }
	/** Unfold whatever hides these statements (a walkthrough step shows them). */
	| { type: 'reveal'; ids: string[] }
	| { type: 'togglePanel'; panel: Panel; open?: boolean }
	/** "As written" shows what the text states alone (`on`), or with what is inferred. */
	| { type: 'statedOnly'; on: boolean }
	| { type: 'openMenu'; id: string; x: number; y: number }
	| { type: 'closeDialog' }
	| { type: 'dismissMessage' }
	/** A view's own check refused an input: say so in the status line. */
	| { type: 'notify'; text: string; tone: 'info' | 'error' }
	| { type: 'previewVerdict'; id: string; verdict: Verdict | undefined }
	/** Open the walkthrough (full window, step by step), or leave it. */
	| { type: 'present'; open: boolean }
	/**
	 * Save the walkthrough's order of steps with the map (step keys, model/walkthrough.ts), or go
	 * back to the argument's own order (`order` undefined). One undo step, saved as any edit.
	 */
	| { type: 'setWalkthrough'; order: string[] | undefined }
	| { type: 'endPreview' }
	// Building the argument.
	| { type: 'add'; role: ChildRole; parent: string }
	| { type: 'addUndercut'; from: string; link?: string }
	| {
			type: 'raiseDoubt';
			link: string;
			question: { id: string; attacks: 'premise' | 'inference'; doubt: string };
	  }
	/** A drag from one statement ended on another: ask how they are related. */
	| { type: 'askConnect'; from: string; to: string }
	| { type: 'connect'; from: string; to: string; relation: Relation }
	| { type: 'moveUnder'; id: string; to: string }
	| { type: 'delete'; id: string }
	| { type: 'removeLink'; id: string }
	| { type: 'setRelation'; link: string; relation: 'supports' | 'attacks' }
	// Text and fields. Typing in one panel field (`merge`) is one undo step until `seal`.
	| { type: 'startEdit'; id: string }
	| { type: 'commitText'; id: string; text: string }
	| { type: 'cancelText'; id: string }
	| { type: 'setText'; id: string; text: string }
	| { type: 'setFields'; id: string; patch: NodePatch; what: string; merge?: boolean }
	| { type: 'setLinkFields'; id: string; patch: LinkPatch; what: string }
	| { type: 'setVerdict'; id: string; verdict: Verdict | undefined }
	| { type: 'setOrigin'; id: string; origin: 'source' | 'reader'; inText?: InText }
	/** Does the text state this source statement or link, or does the reconstruction infer it? */
	| { type: 'setInText'; id: string; on: 'node' | 'link'; inText: InText }
	/** Question a statement (ask for a reason), or withdraw the question (`note` undefined). */
	| { type: 'question'; id: string; note?: string; withdraw?: boolean }
	| { type: 'seal' }
	/** Stop a layout that is taking long (the worker is restarted; the last layout stays). */
	| { type: 'cancelLayout' }
	// The source text: attach it, and make statements from passages of it.
	/** Attach a text (blocks as read from a paste, a file or a page): anchors are found again. */
	| {
			type: 'attachText';
			blocks: Block[];
			/** Mark the blocks before the map's paragraph 1 as not part of the argument. */
			autoSkip?: boolean;
			/** Source details that came with the text (a page's title, author, date). */
			source?: Partial<Source>;
	  }
	/**
	 * A new statement from the passage [start, end) of the text: its text pre-filled from the
	 * passage, anchored there, with the figures found in it when `figures` is set. Linked under
	 * the selected statement (a thesis replaces the map's thesis wording and anchor).
	 */
	| {
			type: 'addFromText';
			as: 'thesis' | 'claim' | 'evidence' | 'objection';
			start: number;
			end: number;
			figures?: boolean;
	  }
	/** Anchor statement `id` (the selection, by default) at the passage [start, end). */
	| { type: 'anchorHere'; id?: string; start: number; end: number }
	/** A whole new version from elsewhere (a restored draft, an import): one undo step. */
	| { type: 'replace'; map: ArgumentMap; label: string }
	// History, saving, drafts, who is editing.
	| { type: 'undo' }
	| { type: 'redo' }
	| { type: 'save'; overwrite?: boolean }
	| { type: 'saveAsCopy' }
	/** Save this reader's work on a map that is not theirs as their own copy (the dialog's answer). */
	| { type: 'saveOwnCopy'; id: string; title: string }
	| { type: 'reload' }
	| { type: 'keepEditing' }
	| { type: 'restoreDraft' }
	| { type: 'discardDraft' }
	| { type: 'setAuthor'; name: string };

/** A dialog the editor asks the view to show. */
export type Dialog =
	| { kind: 'name'; then: Intent }
	| { kind: 'pick'; mode: 'link' | 'move'; id: string }
	| { kind: 'connect'; from: string; to: string }
	| { kind: 'chooseStep'; from: string; links: string[] }
	| { kind: 'chooseLink'; links: string[] }
	| { kind: 'menu'; id: string; x: number; y: number }
	| { kind: 'shortcuts' }
	/**
	 * Saving on a map that is not the reader's makes their own copy: its proposed id (the first
	 * free one of `base`, `base-2` …) and title, whose the map is (undefined: a shared map), and
	 * why the last answer was refused.
	 */
	| {
			kind: 'ownCopy';
			id: string;
			base: string;
			title: string;
			owner: string | undefined;
			error?: string;
	  };
