// Every module class @nn/layers exports is checked against PyTorch by at least one oracle fixture
// entry (test/fixtures/<group>.json), or says here why it cannot be.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { Module } from '../src/index.js';

const NO_FIXTURE: Record<string, string> = {
  Module: 'the abstract base (test/module.test.ts)',
  ModuleList: 'a container with no forward of its own (test/module.test.ts)',
  Sequential: 'a container: chains modules that have fixtures (test/module.test.ts)',
  Identity: 'returns its input (test/module.test.ts)',
  RNNBase: 'the abstract base of RNN, LSTM and GRU',
  RNNCellBase: 'the abstract base of the cells',
  BatchNormBase: 'the abstract base of BatchNorm1d and BatchNorm2d',
};

const fixtureDir = new URL('./fixtures/', import.meta.url);
const covered = new Set<string>();
for (const file of readdirSync(fixtureDir).filter((f) => f.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(new URL(file, fixtureDir), 'utf8')) as { entries?: { layer?: string }[] };
  for (const e of data.entries ?? []) if (typeof e.layer === 'string') covered.add(e.layer);
}

const moduleClasses = Object.entries(api)
  .filter(([, v]) => typeof v === 'function' && (v === Module || v.prototype instanceof Module))
  .map(([name]) => name);

describe('oracle coverage', () => {
  it('finds the module classes and the fixtures', () => {
    expect(moduleClasses.length).toBeGreaterThan(50);
    expect(covered.size).toBeGreaterThan(40);
  });

  it('every exported module class has a PyTorch fixture entry or a stated reason', () => {
    const missing = moduleClasses.filter((name) => !covered.has(name) && NO_FIXTURE[name] === undefined);
    expect(missing).toEqual([]);
  });

  it('the reasons name only exported classes that truly have no fixture', () => {
    for (const name of Object.keys(NO_FIXTURE)) {
      expect(moduleClasses, name).toContain(name);
      expect(covered.has(name), name).toBe(false);
    }
  });
});
