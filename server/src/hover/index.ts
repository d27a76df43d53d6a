/**
 * Hover providers in the order they are asked. Variables first: a `$VAR` is a variable wherever
 * it stands (in an image reference, a package word, a RUN body). Stage references come before
 * images (`FROM base` names a stage, not an image on Docker Hub); packages before commands;
 * argument hovers (EXPOSE ports, HEALTHCHECK durations…) last.
 */
import type { HoverProvider } from './types';
import { stagesHover } from './stages';
import { imagesHover } from './images';
import { variablesHover } from './variables';
import { packagesHover } from './packages';
import { shellHover } from './shell';
import { argumentsHover } from './arguments';

export const hoverProviders: readonly HoverProvider[] = [variablesHover, stagesHover, imagesHover, packagesHover, shellHover, argumentsHover];
export type { HoverProvider, HoverQuery, HoverAnswer } from './types';
