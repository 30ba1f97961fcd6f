#!/usr/bin/env node
// Entry point: runs the TypeScript sources through tsx so that `npm start` works right after
// `npm install`, with no separate compile step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
