/**
 * Document links: each image reference (`FROM`, `COPY --from=<image>`, `RUN --mount=…,from=`)
 * links to its repository's page on the registry that hosts it — Docker Hub (official and user
 * images), GitHub (ghcr.io), Quay, the Microsoft Artifact Registry, Google Cloud (gcr.io and
 * Artifact Registry's `*-docker.pkg.dev`) and the Amazon ECR Public Gallery.
 *
 * A registry we cannot name a page for (a private host, `localhost:5000`, a private ECR…) gets
 * no link at all: sending it to Docker Hub, as other servers do, opens a wrong or missing page.
 * Neither do stage names, `scratch`, references inside ONBUILD triggers, and references whose
 * registry or repository hangs on a variable without a known value. A reference written with
 * variables links to the image they give (`FROM $BASE` with `ARG BASE=python:3.12`).
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocModel } from '../model/document';
import { parseImageRef, type ImageRef } from '../knowledge/image-ref';
import { referenceValue } from '../hover/stages';
import { stageReferences } from './navigation';

export function documentLinks(model: DocModel): DocumentLink[] {
  const out: DocumentLink[] = [];
  let refs: ReturnType<typeof stageReferences> = [];
  try {
    refs = stageReferences(model);
  } catch {
    return out;
  }
  for (const ref of refs) {
    if (ref.stage || ref.byIndex || ref.missingIndex || ref.inTrigger) continue;
    if (ref.expansion && !ref.expansion.complete && !canLinkUnexpanded(ref.text, model.escapeChar)) continue;
    const value = referenceValue(ref);
    // A variable may give the name of a stage.
    if (ref.expansion && model.stages.some((s) => s.name?.toLowerCase() === value.toLowerCase())) continue;
    const page = imagePage(parseImageRef(value, model.escapeChar));
    if (page) out.push({ range: ref.range, target: page.url, tooltip: `Open ${page.name} on ${page.registry}` });
  }
  return out;
}

/** `python:${PY}`: the variable sits in the tag, so the repository is known. */
function canLinkUnexpanded(text: string, escapeChar: string): boolean {
  const ref = parseImageRef(text, escapeChar);
  return ref.registryKnown && !ref.path.includes('$');
}

export interface ImagePage {
  url: string;
  /** The registry's name for people: `Docker Hub`. */
  registry: string;
  /** The repository as people write it: `python`, `bitnami/redis`, `ghcr.io/owner/app`. */
  name: string;
}

const GCR_LOCATIONS: Record<string, string> = { 'gcr.io': 'GLOBAL', 'us.gcr.io': 'US', 'eu.gcr.io': 'EU', 'asia.gcr.io': 'ASIA' };

/** The web page of an image's repository, when its registry has pages we can name. */
export function imagePage(ref: ImageRef): ImagePage | undefined {
  if (ref.problems.length || !ref.registryKnown || ref.path.includes('$') || !ref.path) return undefined;
  const host = ref.registry.toLowerCase();
  const parts = ref.path.split('/');
  const name = ref.familiar;
  if (host === 'docker.io') {
    if (ref.repository === 'library/scratch') return undefined;
    const repo = ref.repository.split('/');
    if (repo.length !== 2) return undefined; // Docker Hub has only namespace/name
    const url = repo[0] === 'library' ? `https://hub.docker.com/_/${repo[1]}` : `https://hub.docker.com/r/${repo[0]}/${repo[1]}`;
    return { url, registry: 'Docker Hub', name };
  }
  if (host === 'ghcr.io' && parts.length >= 2) {
    const pkg = encodeURIComponent(parts.slice(1).join('/'));
    return { url: `https://github.com/users/${parts[0]}/packages/container/package/${pkg}`, registry: 'GitHub Packages', name };
  }
  if (host === 'quay.io' && parts.length === 2) {
    return { url: `https://quay.io/repository/${ref.path}`, registry: 'Quay', name };
  }
  if (host === 'mcr.microsoft.com') {
    return { url: `https://mcr.microsoft.com/artifact/mar/${ref.path}`, registry: 'the Microsoft Artifact Registry', name };
  }
  const location = GCR_LOCATIONS[host];
  if (location && parts.length >= 2) {
    // A domain-scoped project `example.com:proj` is written `gcr.io/example.com/proj/image`.
    const scoped = parts[0].includes('.') && parts.length >= 3;
    const project = scoped ? `${parts[0]}:${parts[1]}` : parts[0];
    const image = parts.slice(scoped ? 2 : 1).join('/');
    return { url: `https://console.cloud.google.com/gcr/images/${project}/${location}/${image}`, registry: 'Google Container Registry', name };
  }
  const ar = /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(host);
  if (ar && parts.length >= 3) {
    const image = encodeURIComponent(parts.slice(2).join('/'));
    return { url: `https://console.cloud.google.com/artifacts/docker/${parts[0]}/${ar[1]}/${parts[1]}/${image}`, registry: 'Google Artifact Registry', name };
  }
  if (host === 'public.ecr.aws' && parts.length >= 2) {
    return { url: `https://gallery.ecr.aws/${ref.path}`, registry: 'the Amazon ECR Public Gallery', name };
  }
  return undefined;
}
