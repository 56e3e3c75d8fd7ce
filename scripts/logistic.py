"""Plain L2-regularised logistic regression by gradient descent, shared by the fitting scripts.

Small dense problems (hundreds of features, thousands of rows): numpy is enough and the
result is deterministic (zero start, fixed steps), so a refit reproduces the shipped weights.
"""

from __future__ import annotations

import numpy as np


def logistic_fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int, rate: float) -> np.ndarray:
    """Weights for the columns of `x`; the last column is the bias, which is not penalised."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y)
        grad[:-1] += l2 * w[:-1] / len(y)
        w -= rate * grad
    return w
