/**
 * The state-dict key of a property: its snake_case form (`runningMean` → `running_mean`,
 * `weightIhL0` → `weight_ih_l0`, `selfAttn` → `self_attn`), so that keys equal PyTorch's for the
 * same model and weights move between the two without renaming.
 */
export function stateKey(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `prefix.name`, or `name` at the root. */
export function joinKey(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}
