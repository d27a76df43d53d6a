declare const __SERVER_VERSION__: string | undefined;

/** The package version, injected by the build. */
export const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : '0.0.0-dev';
