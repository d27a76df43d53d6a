import type { HoverProvider } from './types';

/** Hover for stages — being written (issue 5); answers nothing yet. */
export const stagesHover: HoverProvider = () => undefined;
