import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, messages } from '../helpers';

const F = 'FROM python:3.11-slim\n';

test('DX1002: flags a development server in the final command, on the words that start it', () => {
  assert.deepEqual(findings(F + 'CMD ["flask", "run", "--host=0.0.0.0", "--reload"]\n', 'DX1002'), ['2:6-2:20']);
  assert.deepEqual(findings(F + 'CMD flask run --host=0.0.0.0\n', 'DX1002'), ['2:5-2:14']);
  assert.deepEqual(findings(F + 'CMD python -m flask --app app run\n', 'DX1002'), ['2:15-2:34']);
  assert.deepEqual(findings(F + 'CMD python manage.py runserver 0.0.0.0:8000\n', 'DX1002'), ['2:12-2:31']);
  assert.deepEqual(findings(F + 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--reload"]\n', 'DX1002'), ['2:50-2:60']);
  assert.deepEqual(findings(F + 'CMD gunicorn --reload app:app\n', 'DX1002'), ['2:14-2:22']);
  assert.match(messages(F + 'CMD flask run\n', 'DX1002')[0], /gunicorn/);
});

test('DX1002: JavaScript and other development servers', () => {
  const N = 'FROM node:20\n';
  assert.deepEqual(findings(N + 'CMD npm run dev\n', 'DX1002'), ['2:5-2:16']);
  assert.deepEqual(findings(N + 'CMD ["yarn", "dev"]\n', 'DX1002'), ['2:6-2:19']);
  assert.deepEqual(findings(N + 'CMD ["pnpm", "run", "dev"]\n', 'DX1002'), ['2:6-2:26']);
  assert.deepEqual(findings(N + 'CMD ["npx", "nodemon", "server.js"]\n', 'DX1002'), ['2:13-2:22']);
  assert.deepEqual(findings(N + 'CMD ["npx", "next", "dev"]\n', 'DX1002'), ['2:13-2:26']);
  assert.deepEqual(findings(N + 'CMD ["vite", "--host"]\n', 'DX1002'), ['2:6-2:12']);
  assert.deepEqual(findings(N + 'CMD ng serve --host 0.0.0.0\n', 'DX1002'), ['2:5-2:13']);
  assert.deepEqual(findings('FROM php:8.3\nCMD ["php", "artisan", "serve"]\n', 'DX1002'), ['2:6-2:31']);
  assert.deepEqual(findings('FROM ruby:3.3\nCMD bundle exec jekyll serve\n', 'DX1002'), ['2:17-2:29']);
  assert.deepEqual(findings('FROM mcr.microsoft.com/dotnet/sdk:8.0\nCMD ["dotnet", "watch", "run"]\n', 'DX1002'), ['2:6-2:23']);
});

test('DX1002: quiet for production servers and commands that only look alike', () => {
  const N = 'FROM node:20\n';
  assert.deepEqual(findings(F + 'CMD ["gunicorn", "--bind", "0.0.0.0:5500", "--workers", "4", "run:app"]\n', 'DX1002'), []);
  assert.deepEqual(findings(F + 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n', 'DX1002'), []);
  assert.deepEqual(findings(F + 'CMD ["flask", "db", "upgrade"]\n', 'DX1002'), []);
  assert.deepEqual(findings(N + 'CMD ["npm", "start"]\n', 'DX1002'), []);
  assert.deepEqual(findings(N + 'CMD ["next", "start"]\n', 'DX1002'), []);
  assert.deepEqual(findings(N + 'CMD ["vite", "preview"]\n', 'DX1002'), []);
  assert.deepEqual(findings(N + 'CMD ["echo", "npm", "run", "dev"]\n', 'DX1002'), []);
  assert.deepEqual(findings(N + 'RUN npm run dev\nCMD ["node", "server.js"]\n', 'DX1002'), []);
});

test('DX1002: only the final stage counts; a development stage before it is fine', () => {
  const seed =
    'FROM python:3.11-slim as base\nWORKDIR /app\nFROM base as development\nCMD ["flask", "run", "--host=0.0.0.0", "--port=5500", "--reload"]\n' +
    'FROM base as production\nCMD ["gunicorn", "--bind", "0.0.0.0:5500", "--workers", "4", "--threads", "2", "run:app"]\n';
  assert.deepEqual(findings(seed, 'DX1002'), []);
});

test('DX1002: follows the effective command through parent stages and ENTRYPOINT', () => {
  // inherited from the parent stage
  assert.deepEqual(findings('FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM dev\nRUN npm run build\n', 'DX1002'), ['2:6-2:25']);
  // an ENTRYPOINT in the final stage resets the inherited CMD, as Docker does
  assert.deepEqual(findings('FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM dev\nENTRYPOINT ["node", "server.js"]\n', 'DX1002'), []);
  // the final stage's own CMD replaces the parent's
  assert.deepEqual(findings('FROM python:3.11 AS dev\nCMD flask run\nFROM dev\nCMD gunicorn app:app\n', 'DX1002'), []);
  // exec-form ENTRYPOINT + CMD read together; the finding is on the CMD's words
  assert.deepEqual(findings(F + 'ENTRYPOINT ["flask"]\nCMD ["run", "--host=0.0.0.0"]\n', 'DX1002'), ['3:6-3:11']);
  assert.deepEqual(findings(F + 'CMD ["run"]\nENTRYPOINT ["flask"]\n', 'DX1002'), ['2:6-2:11']);
  // a wrapper ENTRYPOINT: one finding, not two
  assert.deepEqual(findings('FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["nodemon", "app.js"]\n', 'DX1002'), ['3:6-3:15']);
});

test('DX1002: reads shell scripts, in shell form and in ["sh", "-c", …]', () => {
  assert.deepEqual(findings('FROM node:20\nCMD ["sh", "-c", "npm ci && npm run dev"]\n', 'DX1002'), ['2:29-2:40']);
  assert.deepEqual(findings('FROM node:20\nCMD npm ci && exec npm run dev\n', 'DX1002'), ['2:20-2:31']);
  assert.deepEqual(findings(F + 'CMD flask \\\n    run --reload\n', 'DX1002'), ['2:5-3:8']);
});

test('DX1002: honours pragmas and the rules setting', () => {
  assert.deepEqual(findings(F + '# hadolint ignore=DX1002\nCMD flask run\n', 'DX1002'), []);
  assert.deepEqual(findings(F + 'CMD flask run\n', 'DX1002', { rules: { DX1002: 'off' } }), []);
});
