/**
 * Values people write in Dockerfiles, as data for completion: BuildKit's built-in build
 * arguments, target platforms, the meaning of each `--network` / `--security` / `sharing`
 * value, where package managers keep the caches worth a `RUN --mount=type=cache`, usual
 * HEALTHCHECK timings and file modes, and the values of the parser directives and of
 * `# hadolint shell=`. Each entry has one line saying what it is (written in our words).
 */

export interface ValueNote {
  value: string;
  /** One line: what the value means. */
  summary: string;
  /** The builder's default, when it is one. */
  isDefault?: boolean;
}

/**
 * BuildKit's built-in build arguments: set with `--build-arg` (or declared with a default in
 * the Dockerfile) to change how BuildKit builds, not what the Dockerfile does.
 */
export const BUILDKIT_BUILD_ARGS: readonly ValueNote[] = [
  { value: 'BUILDKIT_SYNTAX', summary: 'Frontend image to parse the Dockerfile with; overrides the `# syntax=` directive.' },
  { value: 'BUILDKIT_DOCKERFILE_CHECK', summary: 'Build-check settings, as in the `# check=` directive (`skip=…;error=true`).' },
  { value: 'BUILDKIT_INLINE_CACHE', summary: '`1` writes cache metadata into the image config, so the image can serve as `--cache-from`.' },
  { value: 'BUILDKIT_CACHE_MOUNT_NS', summary: 'Namespace added to the ID of every cache mount, to keep caches of several projects apart.' },
  { value: 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', summary: '`1` keeps the `.git` directory when the build context is a Git repository.' },
  { value: 'BUILDKIT_MULTI_PLATFORM', summary: '`1` makes the output a multi-platform index even when one platform is built.' },
  { value: 'BUILDKIT_SANDBOX_HOSTNAME', summary: 'Host name `RUN` steps see (`buildkitsandbox` by default).' },
  { value: 'BUILDKIT_SBOM_SCAN_CONTEXT', summary: '`true` lets the SBOM generator scan the build context too.' },
  { value: 'BUILDKIT_SBOM_SCAN_STAGE', summary: '`true` in a stage lets the SBOM generator scan that stage as well as the final one.' },
  { value: 'SOURCE_DATE_EPOCH', summary: 'Unix time stamped on the image and its layers, for reproducible builds.' },
];

/** Platforms for `FROM --platform=` (os/arch[/variant]). */
export const PLATFORMS: readonly ValueNote[] = [
  { value: 'linux/amd64', summary: '64-bit x86 (Intel, AMD)' },
  { value: 'linux/arm64', summary: '64-bit Arm (Apple silicon, AWS Graviton, Raspberry Pi 4/5 64-bit)' },
  { value: 'linux/arm/v7', summary: '32-bit Arm v7 (Raspberry Pi 2/3 on a 32-bit OS)' },
  { value: 'linux/arm/v6', summary: '32-bit Arm v6 (Raspberry Pi Zero/1)' },
  { value: 'linux/386', summary: '32-bit x86' },
  { value: 'linux/ppc64le', summary: 'IBM POWER, little-endian' },
  { value: 'linux/s390x', summary: 'IBM Z mainframes' },
  { value: 'linux/riscv64', summary: '64-bit RISC-V' },
  { value: 'windows/amd64', summary: 'Windows containers on 64-bit x86' },
];

/** What each value of an enum flag means, by `instruction --flag`. */
export const FLAG_VALUE_NOTES: Readonly<Record<string, readonly ValueNote[]>> = {
  'RUN network': [
    { value: 'default', summary: 'The normal build network.', isDefault: true },
    { value: 'none', summary: 'No network at all: the step can only use what is already in the image or mounted.' },
    { value: 'host', summary: "The build machine's own network; needs the `network.host` entitlement (`--allow network.host`)." },
  ],
  'RUN security': [
    { value: 'sandbox', summary: 'The normal, unprivileged build sandbox.', isDefault: true },
    { value: 'insecure', summary: 'Full privileges, like `docker run --privileged`; needs the `security.insecure` entitlement.' },
  ],
};

/** `RUN --mount=type=cache,sharing=…` values. */
export const MOUNT_SHARING_NOTES: readonly ValueNote[] = [
  { value: 'shared', summary: 'Concurrent builds use the cache at the same time.', isDefault: true },
  { value: 'private', summary: 'A concurrent build gets a new, empty cache instead of waiting.' },
  { value: 'locked', summary: 'A concurrent build waits until the cache is free (apt and dpkg need this).' },
];

/** Where package managers and compilers keep caches worth mounting with `type=cache`. */
export interface CacheTarget {
  target: string;
  /** The tool that uses it. */
  tool: string;
  summary: string;
  /** The sharing mode the tool needs, when not the default. */
  sharing?: 'locked' | 'private';
}

export const CACHE_MOUNT_TARGETS: readonly CacheTarget[] = [
  { target: '/var/cache/apt', tool: 'apt', sharing: 'locked', summary: 'Downloaded .deb files; remove `/etc/apt/apt.conf.d/docker-clean` so apt keeps them.' },
  { target: '/var/lib/apt/lists', tool: 'apt', sharing: 'locked', summary: 'Package lists from `apt-get update`.' },
  { target: '/var/cache/apk', tool: 'apk', summary: 'Alpine packages; link `/etc/apk/cache` to it and drop `--no-cache`.' },
  { target: '/var/cache/dnf', tool: 'dnf', sharing: 'locked', summary: 'dnf packages and metadata (set `keepcache=True`).' },
  { target: '/root/.cache/pip', tool: 'pip', summary: "pip's wheel and download cache, for root." },
  { target: '/root/.cache/uv', tool: 'uv', summary: "uv's cache, for root (set `UV_LINK_MODE=copy`)." },
  { target: '/root/.cache/pypoetry', tool: 'poetry', summary: "Poetry's cache, for root." },
  { target: '/root/.npm', tool: 'npm', summary: "npm's cache, for root." },
  { target: '/usr/local/share/.cache/yarn', tool: 'yarn', summary: "Yarn 1's cache, for root." },
  { target: '/root/.local/share/pnpm/store', tool: 'pnpm', summary: "pnpm's content-addressed store, for root." },
  { target: '/go/pkg/mod', tool: 'go', summary: 'Downloaded Go modules (`GOMODCACHE` in the golang image).' },
  { target: '/root/.cache/go-build', tool: 'go', summary: "Go's build cache (`GOCACHE`), for root." },
  { target: '/usr/local/cargo/registry', tool: 'cargo', summary: 'Crates downloaded by Cargo (rust image).' },
  { target: '/usr/local/cargo/git', tool: 'cargo', summary: 'Git dependencies fetched by Cargo (rust image).' },
  { target: '/root/.m2/repository', tool: 'maven', summary: "Maven's local repository, for root." },
  { target: '/root/.gradle/caches', tool: 'gradle', summary: "Gradle's dependency and build caches, for root." },
  { target: '/root/.nuget/packages', tool: 'dotnet', summary: 'NuGet packages restored by `dotnet restore`, for root.' },
  { target: '/root/.cache/composer', tool: 'composer', summary: "Composer's cache, for root (`COMPOSER_CACHE_DIR`)." },
];

/** Suggested values of the HEALTHCHECK options, by flag name. */
export const HEALTHCHECK_VALUES: Readonly<Record<string, readonly ValueNote[]>> = {
  interval: [
    { value: '30s', summary: 'every 30 seconds', isDefault: true },
    { value: '10s', summary: 'every 10 seconds' },
    { value: '1m', summary: 'every minute' },
    { value: '5m', summary: 'every 5 minutes' },
  ],
  timeout: [
    { value: '30s', summary: '30 seconds', isDefault: true },
    { value: '3s', summary: '3 seconds' },
    { value: '5s', summary: '5 seconds' },
    { value: '10s', summary: '10 seconds' },
  ],
  'start-period': [
    { value: '0s', summary: 'no grace period', isDefault: true },
    { value: '10s', summary: '10 seconds' },
    { value: '30s', summary: '30 seconds' },
    { value: '1m', summary: 'one minute' },
  ],
  'start-interval': [
    { value: '5s', summary: 'every 5 seconds', isDefault: true },
    { value: '1s', summary: 'every second' },
    { value: '2s', summary: 'every 2 seconds' },
  ],
  retries: [
    { value: '3', summary: '3 failures in a row', isDefault: true },
    { value: '1', summary: 'the first failure' },
    { value: '5', summary: '5 failures in a row' },
  ],
};

/** Usual `--chmod` values. */
export const CHMOD_MODES: readonly ValueNote[] = [
  { value: '755', summary: 'rwxr-xr-x: executables and folders' },
  { value: '644', summary: 'rw-r--r--: ordinary files' },
  { value: '750', summary: 'rwxr-x---: executables for owner and group only' },
  { value: '640', summary: 'rw-r-----: files for owner and group only' },
  { value: '700', summary: 'rwx------: owner only' },
  { value: '600', summary: 'rw-------: private files such as keys' },
  { value: '555', summary: 'r-xr-xr-x: read-only executables' },
  { value: '444', summary: 'r--r--r--: read-only files' },
  { value: 'u+x', summary: 'add execute for the owner (syntax 1.14+)' },
  { value: 'a+rX', summary: 'readable by all, folders traversable (syntax 1.14+)' },
];

/** `# syntax=` values. */
export const SYNTAX_FRONTENDS: readonly ValueNote[] = [
  { value: 'docker/dockerfile:1', summary: 'The newest stable 1.x Dockerfile frontend (recommended).' },
  { value: 'docker/dockerfile:1-labs', summary: 'The newest 1.x frontend with the features not yet stable.' },
];

/** `# escape=` values. */
export const ESCAPE_CHARS: readonly ValueNote[] = [
  { value: '\\', summary: 'Backslash, the default.', isDefault: true },
  { value: '`', summary: 'Backtick, for Windows images where `\\` separates paths.' },
];

/** `# check=` keys. */
export const CHECK_KEYS: readonly ValueNote[] = [
  { value: 'skip', summary: 'Build checks to skip, comma-separated, or `all`.' },
  { value: 'error', summary: '`true` makes a failed check fail the build.' },
  { value: 'experimental', summary: 'Experimental checks to run, comma-separated, or `all`.' },
];

/** `# hadolint shell=` values. */
export const HADOLINT_SHELLS: readonly ValueNote[] = [
  { value: 'bash', summary: 'RUN bodies are POSIX shell: shell rules apply.' },
  { value: 'sh', summary: 'RUN bodies are POSIX shell: shell rules apply.' },
  { value: 'pwsh', summary: 'RUN bodies are PowerShell: shell rules are turned off.' },
  { value: 'powershell', summary: 'RUN bodies are Windows PowerShell: shell rules are turned off.' },
];

/** The OCI image annotation keys, the standard LABEL keys. */
export const OCI_LABELS: readonly ValueNote[] = [
  { value: 'org.opencontainers.image.title', summary: 'Human-readable name of the image.' },
  { value: 'org.opencontainers.image.description', summary: 'What the image contains or does.' },
  { value: 'org.opencontainers.image.version', summary: 'Version of the packaged software.' },
  { value: 'org.opencontainers.image.source', summary: 'URL of the source code; registries such as GitHub link the image to it.' },
  { value: 'org.opencontainers.image.url', summary: 'URL with more information about the image.' },
  { value: 'org.opencontainers.image.documentation', summary: 'URL of the documentation.' },
  { value: 'org.opencontainers.image.licenses', summary: 'License(s) as an SPDX expression (`MIT`, `Apache-2.0 OR MIT`).' },
  { value: 'org.opencontainers.image.authors', summary: 'Contact of the maintainers (replaces MAINTAINER).' },
  { value: 'org.opencontainers.image.vendor', summary: 'Who distributes the image.' },
  { value: 'org.opencontainers.image.revision', summary: 'Source-control revision (commit) it was built from.' },
  { value: 'org.opencontainers.image.created', summary: 'Build date and time, RFC 3339.' },
  { value: 'org.opencontainers.image.base.name', summary: 'Reference of the base image.' },
  { value: 'org.opencontainers.image.base.digest', summary: 'Digest of the base image.' },
];
