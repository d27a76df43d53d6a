import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

test('DL3062: @latest is not a version', () => {
  const text = 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n';
  assert.deepEqual(findings(text, 'DL3062'), ['2:16-2:47']);
  assert.deepEqual(messages(text, 'DL3062'), [
    '`@latest` is not a version: `go install` resolves it anew on every build; write `golang.org/x/tools/gopls@<version>`.',
  ]);
  assert.deepEqual(findings('FROM golang:1.22\nRUN go install example.com/tool@none\n', 'DL3062'), ['2:16-2:37']);
});

test('DL3062: go install and go get without @version, and the package of go run', () => {
  const text = 'FROM golang:1.22\nRUN go get github.com/pkg/errors\n';
  assert.deepEqual(findings(text, 'DL3062'), ['2:12-2:33']);
  assert.deepEqual(messages(text, 'DL3062'), ['`github.com/pkg/errors` has no version: write `github.com/pkg/errors@<version>` so every build of `go get` gets the same code.']);
  assert.deepEqual(findings('FROM golang:1.22\nRUN go run github.com/x/gen -o out input.yaml\n', 'DL3062'), ['2:12-2:28']);
  assert.deepEqual(findings('FROM golang:1.22\nRUN go install -tags netgo example.com/a\n', 'DL3062'), ['2:28-2:41']);
});

test('DL3062: versions, local packages and files are fine; other go commands are not checked', () => {
  for (const cmd of ['go install golang.org/x/tools/gopls@v0.16.1', 'go install -ldflags "-s -w" example.com/a@v1.0.0', 'go install ./cmd/...',
    'go install .', 'go run main.go', 'go run .', 'go get -d ./...', 'go build -o /app .', 'go mod download', 'go install', 'go install tool']) {
    assert.deepEqual(findings(`FROM golang:1.22\nRUN ${cmd}\n`, 'DL3062'), [], cmd);
  }
});

test('DL3062: variables, ONBUILD, heredoc, sh -c', () => {
  assert.deepEqual(findings('FROM golang:1.22\nARG V=v0.16.1\nRUN go install golang.org/x/tools/gopls@${V}\n', 'DL3062'), []);
  assert.deepEqual(findings('FROM golang:1.22\nONBUILD RUN go install example.com/a\n', 'DL3062'), ['2:24-2:37']);
  assert.deepEqual(findings('FROM golang:1.22\nRUN <<EOF\ngo install example.com/a@latest\nEOF\n', 'DL3062'), ['3:12-3:32']);
  assert.deepEqual(findings('FROM golang:1.22\nRUN sh -c "go install example.com/a"\n', 'DL3062'), []);
  assert.deepEqual(findings('FROM golang:1.22\n# hadolint ignore=DL3062\nRUN go install example.com/a\n', 'DL3062'), []);
});
