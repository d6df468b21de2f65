// Movement and indexing ops against PyTorch (fixtures from scripts/gen-fixtures).
import { oracleSuite } from './oracle/suite.js';

oracleSuite('movement.json');
