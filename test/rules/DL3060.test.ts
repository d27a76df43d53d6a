import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed, messages } from '../helpers';
import { parseDocument } from '../../server/src/model/document';
import { lint } from '../../server/src/service/lint';
import { findRule } from '../../server/src/rules';

test('DL3060: flags yarn install without a cache clean, on `yarn install`, and appends the clean', () => {
  const text = 'FROM node:20\nRUN yarn install --frozen-lockfile\n';
  assert.deepEqual(findings(text, 'DL3060'), ['2:5-2:17']);
  assert.equal(fixed(text, 'DL3060'), 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n');
  assert.deepEqual(messages(text, 'DL3060'), [
    "`yarn install` leaves every downloaded package in yarn's cache in this layer; run `yarn cache clean` at the end of the same RUN.",
  ]);
  // The fix needs a review (Yarn Plug'n'Play keeps the installed packages in its cache).
  assert.equal(lint(parseDocument(text), { rules: [findRule('DL3060')!] })[0].fix?.safe, false);
});

test('DL3060: a bare yarn installs too; yarn add, yarn --version and yarn build do not count', () => {
  assert.deepEqual(findings('FROM node:20\nRUN yarn --frozen-lockfile\n', 'DL3060'), ['2:5-2:9']);
  assert.deepEqual(findings('FROM node:20\nRUN yarn --version && yarn add lodash && yarn build\n', 'DL3060'), []);
});

test('DL3060: quiet with a later yarn cache clean; a clean before the install does not count', () => {
  assert.deepEqual(findings('FROM node:20\nRUN yarn install && yarn cache clean\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20\nRUN yarn install && yarn build && yarn cache clean --force\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20\nRUN yarn cache clean && yarn install\n', 'DL3060'), ['2:25-2:37']);
  assert.deepEqual(findings('FROM node:20\nRUN yarn install\nRUN yarn cache clean\n', 'DL3060'), ['2:5-2:17']);
});

test('DL3060: quiet with a cache or tmpfs mount on yarn\'s cache', () => {
  assert.deepEqual(findings('FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20\nRUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20\nRUN --mount=type=cache,target=/root/.npm yarn install\n', 'DL3060'), ['2:42-2:54']);
});

test('DL3060: only in the final stage and in stages used as a base', () => {
  assert.deepEqual(findings('FROM node:20 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20 AS deps\nRUN yarn install\nFROM deps\nRUN yarn build\n', 'DL3060'), ['2:5-2:17']);
});

test('DL3060: keeps a multi-line layout (leading and trailing &&) and CRLF', () => {
  assert.equal(
    fixed('FROM node:20\nRUN yarn install \\\n    && yarn build\n', 'DL3060'),
    'FROM node:20\nRUN yarn install \\\n    && yarn build \\\n    && yarn cache clean\n',
  );
  assert.equal(
    fixed('FROM node:20\r\nRUN yarn install && \\\r\n    yarn build\r\n', 'DL3060'),
    'FROM node:20\r\nRUN yarn install && \\\r\n    yarn build && \\\r\n    yarn cache clean\r\n',
  );
});

test('DL3060: heredoc RUN, ONBUILD, sh -c, pragmas', () => {
  const heredoc = 'FROM node:20\nRUN <<EOF\nyarn install\nEOF\n';
  assert.deepEqual(findings(heredoc, 'DL3060'), ['3:1-3:13']);
  assert.equal(fixed(heredoc, 'DL3060'), 'FROM node:20\nRUN <<EOF\nyarn install && yarn cache clean\nEOF\n');
  assert.deepEqual(findings('FROM node:20\nONBUILD RUN yarn install\n', 'DL3060'), ['2:13-2:25']);
  assert.deepEqual(findings('FROM node:20\nRUN sh -c "yarn install"\n', 'DL3060'), []);
  assert.deepEqual(findings('FROM node:20\n# hadolint ignore=DL3060\nRUN yarn install\n', 'DL3060'), []);
});
