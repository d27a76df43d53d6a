/**
 * The hover engine's contract. A provider answers for one kind of token (an image, a stage
 * name, a variable, a command inside RUN…) and stays silent elsewhere; `service/hover.ts`
 * asks the providers in the order of `index.ts` and shows the first answer.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { DocModel, Instruction } from '../model/document';

export interface HoverQuery {
  model: DocModel;
  pos: Position;
  /** Document offset of `pos`. */
  offset: number;
  /** The instruction under the cursor (for `ONBUILD RUN …`, the trigger when the cursor is past `ONBUILD`). */
  ins: Instruction;
}

export interface HoverAnswer {
  /** Markdown; the plain-text form is derived from it for clients that want plain text. */
  markdown: string;
  /** The token explained: the editor highlights it. */
  range: Range;
}

export type HoverProvider = (q: HoverQuery) => HoverAnswer | undefined;
