import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3028: flags each unpinned gem, on its word', () => {
  const text = 'FROM ruby:3.3\nRUN gem install bundler\n';
  assert.deepEqual(findings(text, 'DL3028'), ['2:17-2:24']);
  assert.deepEqual(messages(text, 'DL3028'), ['`bundler` has no version: write `bundler:<version>` (or add `-v <version>`) so every build installs the same one.']);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install --no-document rails rake:13.2.1\n', 'DL3028'), ['2:31-2:36']);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem i rails\n', 'DL3028'), ['2:11-2:16']);
});

test('DL3028: name:version, -v/--version and .gem files are fine', () => {
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install bundler:2.5.10\n', 'DL3028'), []);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install bundler -v 2.5.10\n', 'DL3028'), []);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install bundler --version=2.5.10\n', 'DL3028'), []);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install ./vendor/app-1.0.gem\n', 'DL3028'), []);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem update --system && gem list\n', 'DL3028'), []);
});

test('DL3028: option values and extension build arguments after -- are not gems', () => {
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem i -i /opt/gems rails\n', 'DL3028'), ['2:24-2:29']);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install mysql2 -- --with-mysql-dir=/usr /extra\n', 'DL3028'), ['2:17-2:23']);
});

test('DL3028: continuation lines, ONBUILD, sh -c, pragmas', () => {
  assert.deepEqual(findings('FROM ruby:3.3\nRUN gem install \\\n    bundler:2.5.10 \\\n    rake\n', 'DL3028'), ['4:5-4:9']);
  assert.deepEqual(findings('FROM ruby:3.3\nONBUILD RUN gem install rake\n', 'DL3028'), ['2:25-2:29']);
  assert.deepEqual(findings('FROM ruby:3.3\nRUN sh -c "gem install rake"\n', 'DL3028'), []);
  assert.deepEqual(findings('FROM ruby:3.3\n# hadolint ignore=DL3028\nRUN gem install rake\n', 'DL3028'), []);
});
