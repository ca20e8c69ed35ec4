#!/usr/bin/env node
// The `rehearse` command. The CLI is TypeScript run through tsx, so `npx rehearse` works right
// after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/transport/cli/main.ts');
