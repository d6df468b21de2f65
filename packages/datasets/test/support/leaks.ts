// Memory checks: how many tensors are live (`getBackend().numDataIds()`), to compare before and after a body.
import { getBackend } from '@nn/tensor';

/** The number of tensors the backend holds right now. */
export function liveTensors(): number {
  return getBackend().numDataIds();
}
