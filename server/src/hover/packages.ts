import type { HoverProvider } from './types';

/** Hover for packages named in install commands — being written (issue 5); answers nothing yet. */
export const packagesHover: HoverProvider = () => undefined;
