import type { HoverProvider } from './types';

/** Hover for arguments — being written (issue 5); answers nothing yet. */
export const argumentsHover: HoverProvider = () => undefined;
