// Expecting the NNErrors the datasets throw: the shared helpers of scripts/test-kit/errors.ts.
export { expectError, thrownBy } from '../../../../scripts/test-kit/errors.js';
