# %% mistake: Thresholds: tests min positive >= max negative; with a repeated point labeled 1 and 0 that passes, but one x cannot be both >= a and < a
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() >= neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Thresholds: assumes the points come sorted and checks the labels never go down in the given order; for unsorted points that says nothing
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        return bool(np.all(np.diff(y) >= 0))
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Thresholds: says a labeling with no positive is not realizable because the threshold must sit on a point; a = +infinity labels everything 0
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0:
            return False
        if len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Thresholds: takes min of the positives and max of the negatives without handling an all-0 or all-1 labeling (min of an empty array raises)
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Intervals: assumes the points are sorted and only checks that the 1s are contiguous in the given order; unsorted points break this
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        idx = np.flatnonzero(y == 1)
        if len(idx) == 0:
            return True
        return bool(np.all(y[idx[0]:idx[-1] + 1] == 1))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Intervals: only rejects negatives strictly inside (min, max) of the positives; intervals are closed, so a negative ON an endpoint (repeated point) breaks it
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg > lo) & (neg < hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Intervals: forgets the empty interval, so the all-zero labeling (no positive) is reported as not realizable
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return False
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Rectangles: rejects a negative that is inside the box in ANY one coordinate; it must be inside in both coordinates to be covered by the box
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.any((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Rectangles: uses strict inequalities for the bounding box; boxes are closed, so a negative tied with a positive in one coordinate on the box edge is missed
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg > lo) & (neg < hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Rectangles: takes pos.min() and pos.max() without axis=0, a square box over both coordinates that is larger than the bounding box of the positives
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Halfspaces: calls linprog without bounds=(None, None), so w and b are forced to be >= 0 and most labelings look infeasible
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Halfspaces: uses the 0/1 labels as the signs in y_i (w.x_i + b) >= 1; a label 0 gives the impossible constraint 0 >= 1
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        A = -y[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Halfspaces: asks for margin >= 0 instead of >= 1; w = 0, b = 0 then satisfies every constraint and every labeling looks realizable
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * np.column_stack([x, np.ones(len(x))])
        res = linprog(np.zeros(3), A_ub=A, b_ub=np.zeros(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Halfspaces: forgets the bias b and only solves for w, i.e. lines through the origin, a smaller class than the halfspaces w.x + b >= 0
import numpy as np
from scipy.optimize import linprog


def realizable(points, labels, hclass):
    x = np.asarray(points, dtype=float)
    y = np.asarray(labels).astype(int)
    pos, neg = x[y == 1], x[y == 0]
    if hclass == "thresholds":
        if len(pos) == 0 or len(neg) == 0:
            return True
        return bool(pos.min() > neg.max())
    if hclass == "intervals":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(), pos.max()
        return not bool(np.any((neg >= lo) & (neg <= hi)))
    if hclass == "rectangles":
        if len(pos) == 0:
            return True
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        inside = np.all((neg >= lo) & (neg <= hi), axis=1)
        return not bool(np.any(inside))
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A = -s[:, None] * x
        res = linprog(np.zeros(2), A_ub=A, b_ub=-np.ones(len(x)), bounds=(None, None), method="highs")
        return res.status == 0
    raise ValueError(f"unknown class {hclass}")


# %% mistake: Removes repeated points before testing; copies of one point can never get different labels, so a set with duplicates is never shattered
import itertools

import numpy as np


def is_shattered(points, hclass):
    pts = np.unique(np.asarray(points, dtype=float), axis=0)
    n = len(pts)
    for labels in itertools.product([0, 1], repeat=n):
        if not realizable(pts, np.array(labels), hclass):
            return False
    return True


# %% mistake: Tests only the labelings with a single positive point (plus all-zero); shattering needs all 2**n labelings, e.g. (1, 0, 1) for intervals
import numpy as np


def is_shattered(points, hclass):
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    if not realizable(pts, np.zeros(n, dtype=int), hclass):
        return False
    for i in range(n):
        labels = np.zeros(n, dtype=int)
        labels[i] = 1
        if not realizable(pts, labels, hclass):
            return False
    return True


# %% mistake: Returns True as soon as one labeling is realizable (any instead of all); shattering requires every labeling to be realizable
import itertools

import numpy as np


def is_shattered(points, hclass):
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    return any(realizable(pts, np.array(lab), hclass) for lab in itertools.product([0, 1], repeat=n))


# %% mistake: Answers from the VC dimension alone (n <= VCdim); VCdim says SOME set of that size is shattered, not this one (duplicates, collinear points)
import numpy as np


def is_shattered(points, hclass):
    vc = {"thresholds": 1, "intervals": 2, "rectangles": 4, "halfspaces": 3}[hclass]
    return len(np.asarray(points)) <= vc


# %% mistake: Checks only the labelings whose first label is 0, assuming complements come for free; these classes are not closed under flipping all labels
import itertools

import numpy as np


def is_shattered(points, hclass):
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    for rest in itertools.product([0, 1], repeat=n - 1):
        if not realizable(pts, np.array((0,) + rest), hclass):
            return False
    return True
