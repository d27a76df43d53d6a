import type { HoverProvider } from './types';

/** Hover for variables — being written (issue 5); answers nothing yet. */
export const variablesHover: HoverProvider = () => undefined;
