/**
 * Hover providers in the order they are asked. Stage references come before images (`FROM
 * base` names a stage, not an image on Docker Hub); variables before the shell (a `$VAR` inside
 * RUN is a variable first); packages before commands; argument hovers (EXPOSE ports, HEALTHCHECK durations…) last.
 */
import type { HoverProvider } from './types';
import { stagesHover } from './stages';
import { imagesHover } from './images';
import { variablesHover } from './variables';
import { packagesHover } from './packages';
import { shellHover } from './shell';
import { argumentsHover } from './arguments';

export const hoverProviders: readonly HoverProvider[] = [stagesHover, imagesHover, variablesHover, packagesHover, shellHover, argumentsHover];
export type { HoverProvider, HoverQuery, HoverAnswer } from './types';
