/**
 * The upstream catalogs this linter measures itself against, as plain data: every rule code
 * of hadolint 2.15 with its default level, and every BuildKit build check (Dockerfile
 * frontend 1.26). These are facts about hadolint and BuildKit, written by hand in our own
 * words — not a description of our implementation. `scripts/docs.mjs` matches them against
 * the rule registry to publish the coverage table in docs/rules/README.md.
 */
import type { Severity } from './rule';

export interface HadolintRule {
  /** `DL3008`. */
  code: string;
  /** What the rule asks for, in one line. */
  meaning: string;
  /** hadolint's default level; `off` is hadolint's "ignore" (the rule runs only when raised). */
  severity: Severity;
  /** Only reports when `.hadolint.yaml` configures it (trustedRegistries, label-schema, strict-labels). */
  needsConfig?: string;
}

export interface BuildkitCheck {
  /** The check name used by `# check=skip=…`: `JSONArgsRecommended`. */
  name: string;
  meaning: string;
  /** Off unless enabled with `# check=experimental=…`. */
  experimental?: boolean;
  /** hadolint code that describes the same check. */
  sameAs?: string;
  /** hadolint codes that overlap with it without being the same check. */
  related?: string[];
  /** What the check needs besides the Dockerfile text. */
  needs?: string;
}

/** hadolint 2.15: 71 rule codes. */
export const HADOLINT_RULES: readonly HadolintRule[] = [
  { code: 'DL1001', severity: 'off', meaning: 'Avoid inline `# hadolint ignore=` pragmas' },
  { code: 'DL3000', severity: 'error', meaning: 'WORKDIR must be an absolute path' },
  { code: 'DL3001', severity: 'info', meaning: 'Commands such as ssh, vim, ps or service make no sense in a RUN' },
  { code: 'DL3002', severity: 'warning', meaning: 'The last USER of a stage should not be root' },
  { code: 'DL3003', severity: 'warning', meaning: 'Use WORKDIR instead of `cd` in RUN' },
  { code: 'DL3004', severity: 'error', meaning: 'Do not use sudo in RUN' },
  { code: 'DL3006', severity: 'warning', meaning: 'Give the FROM image an explicit tag' },
  { code: 'DL3007', severity: 'warning', meaning: 'Do not use the `latest` tag' },
  { code: 'DL3008', severity: 'warning', meaning: 'Pin package versions in `apt-get install`' },
  { code: 'DL3009', severity: 'info', meaning: 'Delete the apt lists after `apt-get update`' },
  { code: 'DL3010', severity: 'info', meaning: 'Use ADD to extract a local archive instead of COPY and tar' },
  { code: 'DL3011', severity: 'error', meaning: 'EXPOSE ports must be in the range 0–65535' },
  { code: 'DL3012', severity: 'error', meaning: 'A stage may have only one HEALTHCHECK' },
  { code: 'DL3013', severity: 'warning', meaning: 'Pin package versions in `pip install`' },
  { code: 'DL3014', severity: 'warning', meaning: 'Pass `-y` to `apt-get install`' },
  { code: 'DL3015', severity: 'info', meaning: 'Pass `--no-install-recommends` to `apt-get install`' },
  { code: 'DL3016', severity: 'warning', meaning: 'Pin package versions in `npm install`' },
  { code: 'DL3018', severity: 'warning', meaning: 'Pin package versions in `apk add`' },
  { code: 'DL3019', severity: 'info', meaning: 'Pass `--no-cache` to `apk add`' },
  { code: 'DL3020', severity: 'error', meaning: 'Use COPY instead of ADD for plain files and folders' },
  { code: 'DL3021', severity: 'error', meaning: 'COPY with several sources needs a destination ending in `/`' },
  { code: 'DL3022', severity: 'warning', meaning: '`COPY --from` should name an earlier stage' },
  { code: 'DL3023', severity: 'error', meaning: '`COPY --from` cannot name the stage it is in' },
  { code: 'DL3024', severity: 'error', meaning: 'Stage names must be unique' },
  { code: 'DL3025', severity: 'warning', meaning: 'Write CMD and ENTRYPOINT in JSON (exec) form' },
  { code: 'DL3026', severity: 'error', meaning: 'Use images only from the trusted registries', needsConfig: 'trustedRegistries' },
  { code: 'DL3027', severity: 'warning', meaning: 'Use apt-get or apt-cache instead of apt' },
  { code: 'DL3028', severity: 'warning', meaning: 'Pin versions in `gem install`' },
  { code: 'DL3029', severity: 'warning', meaning: 'FROM `--platform` should only use $BUILDPLATFORM or $TARGETPLATFORM' },
  { code: 'DL3030', severity: 'warning', meaning: 'Pass `-y` to `yum install`' },
  { code: 'DL3032', severity: 'warning', meaning: 'Run `yum clean all` after `yum install`' },
  { code: 'DL3033', severity: 'warning', meaning: 'Pin package versions in `yum install`' },
  { code: 'DL3034', severity: 'warning', meaning: 'Pass a non-interactive flag to zypper' },
  { code: 'DL3035', severity: 'warning', meaning: 'Do not use `zypper dist-upgrade`' },
  { code: 'DL3036', severity: 'warning', meaning: 'Run `zypper clean` after `zypper install`' },
  { code: 'DL3037', severity: 'warning', meaning: 'Pin package versions in `zypper install`' },
  { code: 'DL3038', severity: 'warning', meaning: 'Pass `-y` to `dnf install`' },
  { code: 'DL3040', severity: 'warning', meaning: 'Run `dnf clean all` after `dnf install`' },
  { code: 'DL3041', severity: 'warning', meaning: 'Pin package versions in `dnf install`' },
  { code: 'DL3042', severity: 'warning', meaning: 'Pass `--no-cache-dir` to `pip install`' },
  { code: 'DL3043', severity: 'error', meaning: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER' },
  { code: 'DL3044', severity: 'error', meaning: 'An ENV cannot refer to a variable it defines itself' },
  { code: 'DL3045', severity: 'warning', meaning: 'COPY to a relative destination needs a WORKDIR' },
  { code: 'DL3046', severity: 'warning', meaning: '`useradd` with a high UID needs `-l`' },
  { code: 'DL3047', severity: 'info', meaning: 'Give `wget` a progress option to keep the build log short' },
  { code: 'DL3048', severity: 'style', meaning: 'Use a valid label key' },
  { code: 'DL3049', severity: 'info', meaning: 'A label required by the schema is missing', needsConfig: 'label-schema' },
  { code: 'DL3050', severity: 'info', meaning: 'A label outside the schema is set', needsConfig: 'strict-labels' },
  { code: 'DL3051', severity: 'warning', meaning: 'A schema label is empty', needsConfig: 'label-schema' },
  { code: 'DL3052', severity: 'warning', meaning: 'A url label is not a valid URL', needsConfig: 'label-schema' },
  { code: 'DL3053', severity: 'warning', meaning: 'A rfc3339 label is not an RFC 3339 date-time', needsConfig: 'label-schema' },
  { code: 'DL3054', severity: 'warning', meaning: 'A spdx label is not an SPDX license identifier', needsConfig: 'label-schema' },
  { code: 'DL3055', severity: 'warning', meaning: 'A hash label is not a git commit hash', needsConfig: 'label-schema' },
  { code: 'DL3056', severity: 'warning', meaning: 'A semver label is not a semantic version', needsConfig: 'label-schema' },
  { code: 'DL3057', severity: 'off', meaning: 'The image has no HEALTHCHECK' },
  { code: 'DL3058', severity: 'warning', meaning: 'An email label is not an e-mail address', needsConfig: 'label-schema' },
  { code: 'DL3059', severity: 'info', meaning: 'Merge consecutive RUN instructions' },
  { code: 'DL3060', severity: 'info', meaning: 'Run `yarn cache clean` after `yarn install`' },
  { code: 'DL3061', severity: 'error', meaning: 'The file must start with FROM, ARG or a comment' },
  { code: 'DL3062', severity: 'warning', meaning: 'Pin versions in `go install`' },
  { code: 'DL3063', severity: 'warning', meaning: 'Do not name a stage `scratch` or `context`' },
  { code: 'DL3064', severity: 'warning', meaning: 'Do not pass secrets through ARG or ENV' },
  { code: 'DL3065', severity: 'warning', meaning: '`--platform=$TARGETPLATFORM` on FROM is redundant' },
  { code: 'DL3066', severity: 'info', meaning: 'Set USER to a numeric UID' },
  { code: 'DL3067', severity: 'warning', meaning: 'Do not COPY the entire filesystem of another stage' },
  { code: 'DL4000', severity: 'error', meaning: 'MAINTAINER is deprecated' },
  { code: 'DL4001', severity: 'warning', meaning: 'Use either wget or curl, not both' },
  { code: 'DL4003', severity: 'warning', meaning: 'A stage should have only one CMD' },
  { code: 'DL4004', severity: 'error', meaning: 'A stage may have only one ENTRYPOINT' },
  { code: 'DL4005', severity: 'warning', meaning: 'Use SHELL to change the default shell, not `ln` on /bin/sh' },
  { code: 'DL4006', severity: 'warning', meaning: 'Set `-o pipefail` in SHELL before a RUN with a pipe' },
];

/** Codes hadolint used once and removed; they are not in 2.15 and are never reused. */
export const HADOLINT_RETIRED: readonly string[] = ['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002'];

/** BuildKit's Dockerfile build checks: 22 names. */
export const BUILDKIT_CHECKS: readonly BuildkitCheck[] = [
  { name: 'StageNameCasing', meaning: 'Stage names should be lowercase' },
  { name: 'FromAsCasing', meaning: 'The `AS` keyword should be cased like `FROM`' },
  { name: 'NoEmptyContinuation', meaning: 'No empty lines inside a continued instruction' },
  { name: 'ConsistentInstructionCasing', meaning: 'All instruction keywords should use the same casing' },
  { name: 'DuplicateStageName', meaning: 'Stage names should be unique', sameAs: 'DL3024' },
  { name: 'ReservedStageName', meaning: 'Do not name a stage `scratch` or `context`', sameAs: 'DL3063' },
  { name: 'JSONArgsRecommended', meaning: 'Use JSON form for CMD and ENTRYPOINT when no SHELL is set', related: ['DL3025'] },
  { name: 'MaintainerDeprecated', meaning: 'MAINTAINER is deprecated', sameAs: 'DL4000' },
  { name: 'UndefinedArgInFrom', meaning: 'FROM uses an ARG that is not declared before the first FROM' },
  { name: 'WorkdirRelativePath', meaning: 'A relative WORKDIR without an absolute one before it', related: ['DL3000'] },
  { name: 'UndefinedVar', meaning: 'A variable is used before it is defined' },
  { name: 'MultipleInstructionsDisallowed', meaning: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect', related: ['DL3012', 'DL4003', 'DL4004'] },
  { name: 'LegacyKeyValueFormat', meaning: 'Write ENV and LABEL as `key=value`' },
  { name: 'InvalidBaseImagePlatform', meaning: 'The base image is not built for the target platform', needs: "the pulled base image's platform" },
  { name: 'RedundantTargetPlatform', meaning: '`--platform=$TARGETPLATFORM` on FROM is redundant', sameAs: 'DL3065' },
  { name: 'SecretsUsedInArgOrEnv', meaning: 'Do not pass secrets through ARG or ENV', related: ['DL3064'] },
  { name: 'InvalidDefaultArgInFrom', meaning: 'With the default ARG values, FROM names no valid image' },
  { name: 'FromPlatformFlagConstDisallowed', meaning: 'FROM `--platform` should not be a constant', related: ['DL3029'] },
  { name: 'CopyIgnoredFile', meaning: 'COPY or ADD of a path that .dockerignore excludes', needs: "the build context's .dockerignore" },
  { name: 'InvalidDefinitionDescription', meaning: 'The comment above a stage or ARG should start with its name', experimental: true },
  { name: 'ExposeProtoCasing', meaning: 'EXPOSE protocols should be lowercase' },
  { name: 'ExposeInvalidFormat', meaning: 'EXPOSE takes only container ports, no IP or host port' },
];
