import type { HoverProvider } from './types';

/** Hover for images — being written (issue 5); answers nothing yet. */
export const imagesHover: HoverProvider = () => undefined;
