/**
 * Edits tied to the document version they were computed for. A client that supports
 * `documentChanges` then refuses them once the document has changed, instead of applying
 * offsets that no longer point where they did (a quick fix chosen while the user kept typing).
 */
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-types';

/** `edit` with each document's edits as a versioned `documentChanges` entry (`version` of every document in it). */
export function versionedEdit(edit: WorkspaceEdit, version: number): WorkspaceEdit {
  if (!edit.changes) return edit;
  const documentChanges = Object.entries(edit.changes).map(([uri, edits]) => ({ textDocument: { uri, version }, edits }));
  return { documentChanges };
}

/** The same actions, their edits versioned (see versionedEdit). */
export function versionedActions(actions: CodeAction[], version: number): CodeAction[] {
  return actions.map((a) => (a.edit ? { ...a, edit: versionedEdit(a.edit, version) } : a));
}
