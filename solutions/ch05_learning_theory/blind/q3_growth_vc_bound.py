# %% mistake: Returns the growth-function formula (m+1, C(m+1,2)+1, m^2-m+2, ...) instead of counting on THESE points; repeated or collinear points give fewer
import math

import numpy as np


def count_labelings(points, hclass):
    m = len(np.asarray(points))
    if hclass == "thresholds":
        return m + 1
    if hclass == "intervals":
        return math.comb(m + 1, 2) + 1
    if hclass == "halfspaces":
        return m * m - m + 2 if m >= 3 else 2 ** m
    return sum(math.comb(m, i) for i in range(5))


# %% mistake: Loops over range(1, 2**n) and so never tests the all-zero labeling, which every class realizes (the empty hypothesis): the count is one short
import numpy as np


def count_labelings(points, hclass):
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    count = 0
    for k in range(1, 2 ** n):
        labels = np.array([(k >> i) & 1 for i in range(n)])
        if realizable(pts, labels, hclass):
            count += 1
    return count


# %% mistake: Loops over range(2**n - 1), an off-by-one that skips the all-ones labeling (bit pattern 2**n - 1), which every class realizes
import numpy as np


def count_labelings(points, hclass):
    pts = np.asarray(points, dtype=float)
    n = len(pts)
    count = 0
    for k in range(2 ** n - 1):
        labels = np.array([(k >> i) & 1 for i in range(n)])
        if realizable(pts, labels, hclass):
            count += 1
    return count


# %% mistake: Returns the Sauer-Shelah bound Phi_d(n) with the class's VC dimension; that is only an upper bound, not the number of labelings on these points
import math

import numpy as np


def count_labelings(points, hclass):
    n = len(np.asarray(points))
    d = {"thresholds": 1, "intervals": 2, "rectangles": 4, "halfspaces": 3}[hclass]
    return sum(math.comb(n, i) for i in range(d + 1))


# %% mistake: Sums C(m, i) over range(d), which stops at i = d - 1; the Sauer-Shelah sum includes i = d
import math


def sauer_shelah(m, d):
    return sum(math.comb(m, i) for i in range(d))


# %% mistake: Starts the sum at i = 1 and forgets the C(m, 0) = 1 term (the all-zero labeling), so the bound is off by one
import math


def sauer_shelah(m, d):
    return sum(math.comb(m, i) for i in range(1, d + 1))


# %% mistake: Uses scipy.special.comb in floating point: not exact, and it overflows to inf once the binomials pass 1e308 (e.g. m = 2000, d = 1000)
from scipy.special import comb


def sauer_shelah(m, d):
    return sum(comb(m, i) for i in range(d + 1))


# %% mistake: Special-cases m <= d as 2**d instead of 2**m; when there are fewer points than the VC dimension every labeling of the m points counts: 2^m
import math


def sauer_shelah(m, d):
    if m <= d:
        return 2 ** d
    return sum(math.comb(m, i) for i in range(d + 1))


# %% mistake: Returns the upper bound (e m / d)^d instead of the exact sum of binomials; it is not the integer Phi_d(m) (and fails for d = 0)
import math


def sauer_shelah(m, d):
    if m <= d:
        return 2 ** m
    return int(math.ceil((math.e * m / d) ** d))


# %% mistake: Evaluates the growth function at n instead of 2n; the symmetrization (ghost sample) argument counts labelings of a double sample
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    m = n
    k = min(d, m)
    i = np.arange(1, k + 1)
    log_terms = np.concatenate([[0.0], np.cumsum(np.log((m - i + 1) / i))])
    log_phi = logsumexp(log_terms)
    return float(np.sqrt(8.0 / n * (np.log(4.0) + log_phi - np.log(delta))))


# %% mistake: Computes Phi_d(2n) exactly and then math.log(4 * Phi / delta): the huge integer is converted to a float and overflows (n = 1e9, d = 100)
import math


def vc_bound(n, d, delta):
    m = 2 * n
    phi = sum(math.comb(m, i) for i in range(min(d, m) + 1))
    return math.sqrt(8.0 / n * math.log(4 * phi / delta))


# %% mistake: Computes Phi with scipy.special.comb in floats; it overflows to inf for large n and d, and the bound becomes inf instead of a small number
import numpy as np
from scipy.special import comb


def vc_bound(n, d, delta):
    phi = sum(comb(2 * n, i) for i in range(d + 1))
    return float(np.sqrt(8.0 / n * np.log(4.0 * phi / delta)))


# %% mistake: Builds ln C(2n, i) by a cumulative sum but leaves out the i = 0 term (ln 1 = 0); for d = 0 the logsumexp of nothing is -inf and the bound is nan
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    m = 2 * n
    i = np.arange(1, min(d, m) + 1)
    log_terms = np.cumsum(np.log((m - i + 1) / i))
    log_phi = logsumexp(log_terms)
    return float(np.sqrt(8.0 / n * (np.log(4.0) + log_phi - np.log(delta))))


# %% mistake: Runs the cumulative sum to i = d even when d > 2n; then (m - i + 1)/i hits 0 and negatives, the log gives nan, instead of Phi = 2^(2n)
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    m = 2 * n
    i = np.arange(1, d + 1)
    log_terms = np.concatenate([[0.0], np.cumsum(np.log((m - i + 1) / i))])
    log_phi = logsumexp(log_terms)
    return float(np.sqrt(8.0 / n * (np.log(4.0) + log_phi - np.log(delta))))


# %% mistake: Replaces Phi_d(2n) by the approximation (2 e n / d)^d; that is a looser bound, not the asked sum, and it divides by zero for d = 0
import numpy as np


def vc_bound(n, d, delta):
    log_phi = d * np.log(2.0 * np.e * n / d)
    return float(np.sqrt(8.0 / n * (np.log(4.0) + log_phi - np.log(delta))))


# %% mistake: Keeps only ln Phi_d(2n) inside the square root and forgets the ln(4/delta) term, so delta has no effect on the bound
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    m = 2 * n
    k = min(d, m)
    i = np.arange(1, k + 1)
    log_terms = np.concatenate([[0.0], np.cumsum(np.log((m - i + 1) / i))])
    return float(np.sqrt(8.0 / n * logsumexp(log_terms)))


# %% mistake: Off by one in the binomial recurrence: uses ln((m - i)/i) instead of ln((m - i + 1)/i), so every ln C(m, i) is too small
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    m = 2 * n
    k = min(d, m)
    i = np.arange(1, k + 1)
    with np.errstate(divide="ignore"):
        log_terms = np.concatenate([[0.0], np.cumsum(np.log((m - i) / i))])
    log_phi = logsumexp(log_terms)
    return float(np.sqrt(8.0 / n * (np.log(4.0) + log_phi - np.log(delta))))
