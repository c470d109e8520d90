#!/usr/bin/env node
// `caravel` on the PATH (npx caravel …): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
