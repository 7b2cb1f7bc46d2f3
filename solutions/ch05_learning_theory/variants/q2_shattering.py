# %% mistake: linprog with its default bounds (w, b >= 0)
import numpy as np
from scipy.optimize import linprog

_reference_realizable = realizable


def realizable(points, labels, hclass):
    if hclass != "halfspaces":
        return _reference_realizable(points, labels, hclass)
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    s = 2.0 * np.asarray(labels) - 1.0
    A_ub = -s[:, None] * np.column_stack([P, np.ones(len(P))])
    return linprog(np.zeros(3), A_ub=A_ub, b_ub=-np.ones(len(P)), method="highs").status == 0


# %% mistake: halfspaces through the origin (no bias term b)
import numpy as np
from scipy.optimize import linprog

_reference_realizable = realizable


def realizable(points, labels, hclass):
    if hclass != "halfspaces":
        return _reference_realizable(points, labels, hclass)
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    s = 2.0 * np.asarray(labels) - 1.0
    res = linprog(np.zeros(2), A_ub=-s[:, None] * P, b_ub=-np.ones(len(P)), bounds=[(None, None)] * 2, method="highs")
    return res.status == 0


# %% mistake: thresholds may point either way (accepts 1[x < a] too)
import numpy as np

_reference_realizable = realizable


def realizable(points, labels, hclass):
    if hclass != "thresholds":
        return _reference_realizable(points, labels, hclass)
    x, y = np.asarray(points, dtype=float).ravel(), np.asarray(labels)
    if y.all() or not y.any():
        return True
    return bool(x[y == 1].min() > x[y == 0].max() or x[y == 1].max() < x[y == 0].min())


# %% mistake: rectangles reject a negative inside the positives' range in ANY coordinate (or instead of and)
import numpy as np

_reference_realizable = realizable


def realizable(points, labels, hclass):
    if hclass != "rectangles":
        return _reference_realizable(points, labels, hclass)
    P, y = np.asarray(points, dtype=float).reshape(-1, 2), np.asarray(labels)
    if y.all() or not y.any():
        return True
    lo, hi = P[y == 1].min(axis=0), P[y == 1].max(axis=0)
    return not bool(np.any((P[y == 0] >= lo) & (P[y == 0] <= hi)))


# %% mistake: open intervals and boxes (a negative tied with an extreme positive is allowed)
import numpy as np

_reference_realizable = realizable


def realizable(points, labels, hclass):
    y = np.asarray(labels)
    if hclass not in ("intervals", "rectangles") or y.all() or not y.any():
        return _reference_realizable(points, labels, hclass)
    P = np.asarray(points, dtype=float).reshape(len(y), -1)
    lo, hi = P[y == 1].min(axis=0), P[y == 1].max(axis=0)
    return not bool(np.any(np.all((P[y == 0] > lo) & (P[y == 0] < hi), axis=1)))


# %% mistake: is_shattered only tries the labelings with a single positive point
import numpy as np


def is_shattered(points, hclass):
    n = len(np.asarray(points))
    return all(realizable(points, np.eye(n, dtype=int)[i], hclass) for i in range(n))


# %% alternative: halfspaces without LP (critical directions); boxes by enumerating hypotheses (loops)
import itertools
import math
import numpy as np


def realizable(points, labels, hclass):
    y = [int(v) for v in np.asarray(labels).ravel()]
    if all(y) or not any(y):
        return True
    if hclass in ("thresholds", "intervals", "rectangles"):
        P = np.asarray(points, dtype=float).reshape(len(y), -1)
        coords = [sorted(set(P[:, k])) for k in range(P.shape[1])]
        if hclass == "thresholds":
            return any(all((P[i, 0] >= a) == bool(y[i]) for i in range(len(y))) for a in coords[0])
        ranges = [list(itertools.combinations_with_replacement(c, 2)) for c in coords]
        for box in itertools.product(*ranges):
            inside = [all(lo <= P[i, k] <= hi for k, (lo, hi) in enumerate(box)) for i in range(len(y))]
            if inside == [bool(v) for v in y]:
                return True
        return False
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    angles = set()
    for a, b in itertools.combinations(range(len(P)), 2):
        dx, dy = P[b] - P[a]
        if dx or dy:
            phi = math.atan2(dy, dx) + math.pi / 2
            angles.update({phi % (2 * math.pi), (phi + math.pi) % (2 * math.pi)})
    angles = sorted(angles)
    if not angles:
        return False
    mids = [(a + b) / 2 for a, b in zip(angles, angles[1:])] + [(angles[-1] + angles[0] + 2 * math.pi) / 2]
    pos, neg = P[np.array(y) == 1], P[np.array(y) == 0]
    for theta in mids:
        u = np.array([math.cos(theta), math.sin(theta)])
        if (pos @ u).min() > (neg @ u).max():
            return True
    return False


# %% alternative: halfspaces as phase-1 LP (minimise total slack), sorting for the 1-D classes
import itertools
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    y = np.asarray(labels).astype(bool)
    if y.all() or not y.any():
        return True
    if hclass in ("thresholds", "intervals"):
        x = np.asarray(points, dtype=float).ravel()
        order = np.lexsort((y, x))  # ties: negatives first
        ys, xs = y[order], x[order]
        first, last = np.flatnonzero(ys)[[0, -1]]
        if hclass == "thresholds":
            return bool(ys[first:].all() and (first == 0 or xs[first - 1] < xs[first]))
        block = (xs >= xs[first]) & (xs <= xs[last])
        return bool(ys[block].all())
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    if hclass == "rectangles":
        box = P[y]
        neg = P[~y]
        inside = (neg[:, 0] >= box[:, 0].min()) & (neg[:, 0] <= box[:, 0].max()) \
            & (neg[:, 1] >= box[:, 1].min()) & (neg[:, 1] <= box[:, 1].max())
        return not inside.any()
    n = len(P)
    s = np.where(y, 1.0, -1.0)
    # variables (w1, w2, b, t_1..t_n): s_i (w.x_i + b) + t_i >= 1, t >= 0, minimise sum t
    A = np.hstack([-s[:, None] * np.column_stack([P, np.ones(n)]), -np.eye(n)])
    res = linprog(np.r_[np.zeros(3), np.ones(n)], A_ub=A, b_ub=-np.ones(n),
                  bounds=[(None, None)] * 3 + [(0, None)] * n, method="highs")
    return bool(res.fun < 1e-7)


def is_shattered(points, hclass):
    n = len(np.asarray(points))
    for bits in range(2**n):
        if not realizable(points, np.array([(bits >> i) & 1 for i in range(n)]), hclass):
            return False
    return True
