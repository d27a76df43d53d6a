import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, fixed } from '../helpers';

test('FromAsCasing: flags AS whose case differs from an upper- or lower-case FROM, on AS', () => {
  assert.deepEqual(findings('FROM python:3.11-slim as base\n', 'FromAsCasing'), ['1:23-1:25']);
  assert.deepEqual(findings('from alpine AS build\n', 'FromAsCasing'), ['1:13-1:15']);
  assert.deepEqual(findings('FROM alpine As build\n', 'FromAsCasing'), ['1:13-1:15']);
  assert.deepEqual(findings('FROM --platform=$BUILDPLATFORM golang:1.22 as build\n', 'FromAsCasing'), ['1:44-1:46']);
});

test('FromAsCasing: quiet when the cases agree, without AS, and when FROM is mixed case', () => {
  assert.deepEqual(findings('FROM alpine AS build\nfrom alpine as other\nFROM alpine\n', 'FromAsCasing'), []);
  assert.deepEqual(findings('From alpine as build\nFrom alpine AS other\n', 'FromAsCasing'), []);
});

test('FromAsCasing: each FROM is judged on its own', () => {
  assert.deepEqual(findings('FROM alpine AS one\nFROM one as two\nfrom two AS three\n', 'FromAsCasing'), ['2:10-2:12', '3:10-3:12']);
});

test('FromAsCasing: the fix recases AS to match FROM and touches nothing else', () => {
  assert.equal(fixed('FROM python:3.11-slim as base\nWORKDIR /app\n', 'FromAsCasing'), 'FROM python:3.11-slim AS base\nWORKDIR /app\n');
  assert.equal(fixed('from alpine As build # stage\n', 'FromAsCasing'), 'from alpine as build # stage\n');
  assert.equal(fixed('FROM alpine \\\r\n    as build\r\n', 'FromAsCasing'), 'FROM alpine \\\r\n    AS build\r\n');
});

test('FromAsCasing: finds AS on a continuation line', () => {
  assert.deepEqual(findings('FROM alpine \\\n  as build\n', 'FromAsCasing'), ['2:3-2:5']);
});

test('FromAsCasing: silenced by check=skip and by pragmas', () => {
  assert.deepEqual(findings('# check=skip=FromAsCasing\nFROM alpine as build\n', 'FromAsCasing'), []);
  assert.deepEqual(findings('# hadolint ignore=FromAsCasing\nFROM alpine as build\n', 'FromAsCasing'), []);
  assert.deepEqual(findings('FROM alpine as build\n', 'FromAsCasing', { rules: { FromAsCasing: 'off' } }), []);
});
