import type { BinarySpec, KernelTable, OpsWithSpec, UnarySpec } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { absKernel } from './abs.js';
import { addKernel } from './add.js';
import { castKernel } from './cast.js';
import { ceilKernel } from './ceil.js';
import { cosKernel } from './cos.js';
import { divKernel } from './div.js';
import { equalKernel } from './equal.js';
import { erfKernel } from './erf.js';
import { expKernel } from './exp.js';
import { expm1Kernel } from './expm1.js';
import { floorKernel } from './floor.js';
import { greaterEqualKernel } from './greater-equal.js';
import { greaterKernel } from './greater.js';
import { isFiniteKernel } from './is-finite.js';
import { isNaNKernel } from './is-nan.js';
import { lessEqualKernel } from './less-equal.js';
import { lessKernel } from './less.js';
import { log1pKernel } from './log1p.js';
import { logKernel } from './log.js';
import { logicalAndKernel } from './logical-and.js';
import { logicalNotKernel } from './logical-not.js';
import { logicalOrKernel } from './logical-or.js';
import { maximumKernel } from './maximum.js';
import { minimumKernel } from './minimum.js';
import { mulKernel } from './mul.js';
import { negKernel } from './neg.js';
import { notEqualKernel } from './not-equal.js';
import { powKernel } from './pow.js';
import { reciprocalKernel } from './reciprocal.js';
import { reluKernel } from './relu.js';
import { roundKernel } from './round.js';
import { rsqrtKernel } from './rsqrt.js';
import { sigmoidKernel } from './sigmoid.js';
import { signKernel } from './sign.js';
import { sinKernel } from './sin.js';
import { sqrtKernel } from './sqrt.js';
import { subKernel } from './sub.js';
import { tanhKernel } from './tanh.js';
import { whereKernel } from './where.js';

/** The elementwise primitives: unary math, `Cast`, broadcasting binary ops and `Where`. */
type ElementwiseOp = OpsWithSpec<UnarySpec> | OpsWithSpec<BinarySpec> | 'Cast' | 'Where';

/** CPU kernels of the elementwise group. */
export const elementwiseKernels = {
  Neg: negKernel,
  Abs: absKernel,
  Sign: signKernel,
  Exp: expKernel,
  Log: logKernel,
  Log1p: log1pKernel,
  Expm1: expm1Kernel,
  Sqrt: sqrtKernel,
  Rsqrt: rsqrtKernel,
  Reciprocal: reciprocalKernel,
  Sin: sinKernel,
  Cos: cosKernel,
  Tanh: tanhKernel,
  Sigmoid: sigmoidKernel,
  Relu: reluKernel,
  Erf: erfKernel,
  Floor: floorKernel,
  Ceil: ceilKernel,
  Round: roundKernel,
  IsNaN: isNaNKernel,
  IsFinite: isFiniteKernel,
  LogicalNot: logicalNotKernel,
  Cast: castKernel,
  Add: addKernel,
  Sub: subKernel,
  Mul: mulKernel,
  Div: divKernel,
  Pow: powKernel,
  Maximum: maximumKernel,
  Minimum: minimumKernel,
  Equal: equalKernel,
  NotEqual: notEqualKernel,
  Less: lessKernel,
  LessEqual: lessEqualKernel,
  Greater: greaterKernel,
  GreaterEqual: greaterEqualKernel,
  LogicalAnd: logicalAndKernel,
  LogicalOr: logicalOrKernel,
  Where: whereKernel,
} satisfies Pick<KernelTable<CpuBackend>, ElementwiseOp>;
