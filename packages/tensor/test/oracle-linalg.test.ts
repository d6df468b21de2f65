// matmul, convolutions, pooling and their gradient primitives against PyTorch (fixtures from scripts/gen-fixtures).
import { oracleSuite } from './oracle/suite.js';

oracleSuite('matmul.json', 'conv.json', 'pooling.json');
