import { binaryKernel } from './binary.js';
import { toBool } from './unary.js';

const bool = { dtype: toBool };

/** `Equal`: `a == b` as bool (NaN equals nothing), broadcasting. */
export const equal = binaryKernel('Equal', 'a == b ? 1 : 0', bool);

/** `NotEqual`: `a != b` as bool (true where either is NaN), broadcasting. Written with `==`, which every mode translates faithfully. */
export const notEqual = binaryKernel('NotEqual', 'a == b ? 0 : 1', bool);

/** `Less`: `a < b` as bool, broadcasting. */
export const less = binaryKernel('Less', 'a < b ? 1 : 0', bool);

/** `LessEqual`: `a <= b` as bool, broadcasting. */
export const lessEqual = binaryKernel('LessEqual', 'a <= b ? 1 : 0', bool);

/** `Greater`: `a > b` as bool, broadcasting. */
export const greater = binaryKernel('Greater', 'a > b ? 1 : 0', bool);

/** `GreaterEqual`: `a >= b` as bool, broadcasting. */
export const greaterEqual = binaryKernel('GreaterEqual', 'a >= b ? 1 : 0', bool);

/** `LogicalAnd`: `a && b` on bool inputs (non-zero is true), broadcasting. */
export const logicalAnd = binaryKernel('LogicalAnd', 'a == 0 ? 0 : (b == 0 ? 0 : 1)', bool);

/** `LogicalOr`: `a || b` on bool inputs (non-zero is true), broadcasting. */
export const logicalOr = binaryKernel('LogicalOr', 'a == 0 ? (b == 0 ? 0 : 1) : 1', bool);
