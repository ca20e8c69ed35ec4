import type { Migration } from './types';

// PLACEHOLDER, not to be merged: number 8 belongs to the branch developed beside this one (gen).
// The migration list must run 1..N without a gap, so this branch's 0009 needs an 8 to follow.
// When merging, drop this file and its line in index.ts in favour of that branch's 0008.
export const migration0008Reserved: Migration = {
  version: 8,
  name: 'reserved',
  up() {
    // Intentionally empty: see above.
  },
};
