"""The cases of the @nn/optim fixtures (see gen_optim_fixtures.py for the format and the runs).

Optimizer cases train the parameters of a least-squares problem for 10 steps; scheduler cases
step a scheduler over an optimizer with dummy parameters; clipping cases clip fixed gradients.
Options are written in @nn's camelCase form; gen_optim_fixtures.py translates them for PyTorch.
"""

from __future__ import annotations

from typing import Any

# ---------------------------------------------------------------------------------------------
# Optimizers: (name, optimizer, options, extra) where extra may hold
#   'groups': [{'params': [names], 'options': {...}}, ...]   (default: one group of w and b)
#   'objective': 'lsq' (default) or 'negLsq' (for maximize: the negated loss, so it still converges)
#   'unused': True   (adds a parameter the loss does not use: its gradient stays null)
#   'scheduler': {'type': ..., 'args': [...], 'options': {...}}   (stepped after every step)

OPTIMIZER_CASES: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ('sgd/plain', 'SGD', {'lr': 0.1}, {}),
    ('sgd/default-lr', 'SGD', {}, {}),
    ('sgd/momentum', 'SGD', {'lr': 0.05, 'momentum': 0.9}, {}),
    ('sgd/dampening', 'SGD', {'lr': 0.05, 'momentum': 0.9, 'dampening': 0.5}, {}),
    ('sgd/nesterov', 'SGD', {'lr': 0.05, 'momentum': 0.9, 'nesterov': True}, {}),
    ('sgd/weight-decay', 'SGD', {'lr': 0.1, 'weightDecay': 0.1}, {}),
    ('sgd/weight-decay-momentum', 'SGD', {'lr': 0.05, 'momentum': 0.5, 'weightDecay': 0.2}, {}),
    ('sgd/maximize', 'SGD', {'lr': 0.05, 'momentum': 0.9, 'weightDecay': 0.05, 'maximize': True}, {'objective': 'negLsq'}),
    ('sgd/groups-unused', 'SGD', {'lr': 0.1, 'momentum': 0.9},
     {'groups': [{'params': ['w', 'unused'], 'options': {}}, {'params': ['b'], 'options': {'lr': 0.02, 'momentum': 0.5, 'nesterov': True}}],
      'unused': True}),
    ('adam/default', 'Adam', {}, {}),
    ('adam/lr', 'Adam', {'lr': 0.05}, {}),
    ('adam/betas-eps', 'Adam', {'lr': 0.05, 'betas': [0.8, 0.95], 'eps': 1e-3}, {}),
    ('adam/amsgrad', 'Adam', {'lr': 0.05, 'amsgrad': True}, {}),
    ('adam/weight-decay', 'Adam', {'lr': 0.05, 'weightDecay': 0.3}, {}),
    ('adam/maximize-amsgrad', 'Adam', {'lr': 0.05, 'maximize': True, 'amsgrad': True, 'weightDecay': 0.1}, {'objective': 'negLsq'}),
    ('adam/groups-unused', 'Adam', {'lr': 0.05},
     {'groups': [{'params': ['w'], 'options': {'amsgrad': True}}, {'params': ['b', 'unused'], 'options': {'lr': 0.1, 'betas': [0.5, 0.9]}}],
      'unused': True}),
    ('adamw/default', 'AdamW', {'lr': 0.05}, {}),
    ('adamw/weight-decay-amsgrad', 'AdamW', {'lr': 0.05, 'weightDecay': 0.5, 'amsgrad': True}, {}),
    ('adamw/maximize', 'AdamW', {'lr': 0.05, 'weightDecay': 0.2, 'maximize': True}, {'objective': 'negLsq'}),
    ('rmsprop/plain', 'RMSprop', {'lr': 0.01}, {}),
    ('rmsprop/alpha', 'RMSprop', {'lr': 0.02, 'alpha': 0.9}, {}),
    ('rmsprop/momentum', 'RMSprop', {'lr': 0.01, 'momentum': 0.9}, {}),
    ('rmsprop/centered', 'RMSprop', {'lr': 0.01, 'centered': True}, {}),
    ('rmsprop/centered-momentum-wd', 'RMSprop', {'lr': 0.01, 'centered': True, 'momentum': 0.5, 'weightDecay': 0.1}, {}),
    ('rmsprop/maximize', 'RMSprop', {'lr': 0.01, 'momentum': 0.3, 'maximize': True}, {'objective': 'negLsq'}),
    ('adagrad/plain', 'Adagrad', {'lr': 0.1}, {}),
    ('adagrad/lr-decay', 'Adagrad', {'lr': 0.1, 'lrDecay': 0.1}, {}),
    ('adagrad/initial-accumulator', 'Adagrad', {'lr': 0.1, 'initialAccumulatorValue': 0.5, 'eps': 1e-6}, {}),
    ('adagrad/weight-decay-maximize', 'Adagrad', {'lr': 0.1, 'weightDecay': 0.1, 'maximize': True, 'lrDecay': 0.05},
     {'objective': 'negLsq', 'unused': True}),
    # Optimizer + scheduler: the learning rate (and momentum) change between steps.
    ('sgd/step-lr', 'SGD', {'lr': 0.1, 'momentum': 0.9}, {'scheduler': {'type': 'StepLR', 'args': [3], 'options': {'gamma': 0.5}}}),
    ('sgd/one-cycle', 'SGD', {'lr': 0.1, 'momentum': 0.9},
     {'scheduler': {'type': 'OneCycleLR', 'args': [0.2], 'options': {'totalSteps': 10}}}),
    ('adam/one-cycle-three-phase', 'Adam', {'lr': 0.05},
     {'scheduler': {'type': 'OneCycleLR', 'args': [0.1], 'options': {'totalSteps': 12, 'threePhase': True, 'annealStrategy': 'linear'}}}),
    ('adamw/cosine', 'AdamW', {'lr': 0.1}, {'scheduler': {'type': 'CosineAnnealingLR', 'args': [5], 'options': {'etaMin': 0.01}}}),
]

# ---------------------------------------------------------------------------------------------
# Schedulers: (name, scheduler, args, options, extra) with extra
#   'optimizer': 'SGD' (default, momentum 0.9) or 'Adam';  'lrs': the groups' initial lrs (default [0.1])
#   'steps': how many times to step after construction (default 12);  'metrics' for ReduceLROnPlateau

PLATEAU_METRICS = [1.0, 0.9, 0.91, 0.92, 0.95, 0.89, 0.9, 0.9, 0.9, 0.9, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.5, 0.5]
ACCURACIES = [0.5, 0.6, 0.6, 0.6, 0.65, 0.6, 0.6, 0.7, 0.7, 0.7, 0.7, 0.71, 0.71, 0.71, 0.71]

SCHEDULER_CASES: list[tuple[str, str, list[Any], dict[str, Any], dict[str, Any]]] = [
    ('step-lr/gamma', 'StepLR', [3], {'gamma': 0.5}, {'lrs': [0.1, 0.01]}),
    ('step-lr/default', 'StepLR', [2], {}, {}),
    ('multi-step-lr/repeated', 'MultiStepLR', [[2, 5, 5, 8]], {'gamma': 0.5}, {}),
    ('multi-step-lr/unsorted', 'MultiStepLR', [[6, 2]], {}, {'lrs': [1.0, 0.3]}),
    ('exponential-lr', 'ExponentialLR', [0.9], {}, {'lrs': [0.1, 0.05]}),
    ('cosine-annealing-lr/eta-min', 'CosineAnnealingLR', [5], {'etaMin': 0.001}, {'steps': 16}),
    ('cosine-annealing-lr/default', 'CosineAnnealingLR', [10], {}, {'steps': 25, 'lrs': [0.1, 0.5]}),
    ('linear-lr/default', 'LinearLR', [], {}, {'steps': 10}),
    ('linear-lr/decay', 'LinearLR', [], {'startFactor': 1.0, 'endFactor': 0.2, 'totalIters': 4}, {'lrs': [0.1, 1.0]}),
    ('one-cycle-lr/default', 'OneCycleLR', [0.1], {'totalSteps': 20}, {'steps': 20}),
    ('one-cycle-lr/groups-linear', 'OneCycleLR', [[0.1, 0.3]], {'totalSteps': 15, 'annealStrategy': 'linear', 'pctStart': 0.4},
     {'steps': 15, 'lrs': [0.1, 0.1]}),
    ('one-cycle-lr/epochs', 'OneCycleLR', [1.0], {'epochs': 4, 'stepsPerEpoch': 5, 'divFactor': 10.0, 'finalDivFactor': 100.0,
                                                   'baseMomentum': 0.8, 'maxMomentum': 0.9}, {'steps': 20}),
    ('one-cycle-lr/three-phase', 'OneCycleLR', [0.5], {'totalSteps': 20, 'threePhase': True}, {'steps': 20}),
    ('one-cycle-lr/adam', 'OneCycleLR', [0.01], {'totalSteps': 12, 'pctStart': 0.25}, {'optimizer': 'Adam'}),
    ('one-cycle-lr/no-momentum', 'OneCycleLR', [0.01], {'totalSteps': 12, 'cycleMomentum': False}, {}),
    ('reduce-lr-on-plateau/default', 'ReduceLROnPlateau', [], {'patience': 2}, {'metrics': PLATEAU_METRICS}),
    ('reduce-lr-on-plateau/cooldown-min-lr', 'ReduceLROnPlateau', [],
     {'patience': 1, 'cooldown': 2, 'factor': 0.5, 'minLr': [0.02, 0.001]}, {'metrics': PLATEAU_METRICS, 'lrs': [0.1, 0.01]}),
    ('reduce-lr-on-plateau/abs', 'ReduceLROnPlateau', [], {'patience': 1, 'threshold': 0.05, 'thresholdMode': 'abs'},
     {'metrics': PLATEAU_METRICS}),
    ('reduce-lr-on-plateau/max-rel', 'ReduceLROnPlateau', [], {'mode': 'max', 'patience': 2, 'threshold': 0.01, 'factor': 0.5},
     {'metrics': ACCURACIES}),
    ('reduce-lr-on-plateau/max-abs-eps', 'ReduceLROnPlateau', [],
     {'mode': 'max', 'patience': 0, 'thresholdMode': 'abs', 'threshold': 0.0, 'factor': 0.5, 'eps': 0.02}, {'metrics': ACCURACIES}),
]

# ---------------------------------------------------------------------------------------------
# Clipping: (name, function, args, options, extra); gradients come from the generator's seed.
# extra 'scale' multiplies the gradients, 'none' lists variables without a gradient.

CLIP_CASES: list[tuple[str, str, list[Any], dict[str, Any], dict[str, Any]]] = [
    ('clip-grad-norm/l2-clips', 'clipGradNorm', [1.0], {}, {}),
    ('clip-grad-norm/l2-no-clip', 'clipGradNorm', [100.0], {}, {}),
    ('clip-grad-norm/l1', 'clipGradNorm', [2.0], {'normType': 1}, {}),
    ('clip-grad-norm/inf', 'clipGradNorm', [0.5], {'normType': 'inf'}, {}),
    ('clip-grad-norm/p3', 'clipGradNorm', [1.0], {'normType': 3}, {}),
    ('clip-grad-norm/p0.5', 'clipGradNorm', [10.0], {'normType': 0.5}, {}),
    ('clip-grad-norm/one-missing', 'clipGradNorm', [1.0], {}, {'none': ['b']}),
    ('clip-grad-norm/large', 'clipGradNorm', [5.0], {}, {'scale': 1000.0}),
    ('clip-grad-norm/zero-max', 'clipGradNorm', [0.0], {}, {}),
    ('clip-grad-value/half', 'clipGradValue', [0.5], {}, {}),
    ('clip-grad-value/one-missing', 'clipGradValue', [0.1], {}, {'none': ['c']}),
]
