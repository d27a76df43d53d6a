import type { HoverProvider } from './types';

/** Hover for shell — being written (issue 5); answers nothing yet. */
export const shellHover: HoverProvider = () => undefined;
