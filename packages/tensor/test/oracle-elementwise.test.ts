// Elementwise ops and activations against PyTorch (fixtures from scripts/gen-fixtures).
import { oracleSuite } from './oracle/suite.js';

oracleSuite('elementwise.json');
