// Reductions, softmax and logSoftmax against PyTorch (fixtures from scripts/gen-fixtures).
import { oracleSuite } from './oracle/suite.js';

oracleSuite('reductions.json', 'softmax.json');
