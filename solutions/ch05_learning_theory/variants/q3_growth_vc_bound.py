# %% mistake: Sauer-Shelah sum stops at d - 1
import math


def sauer_shelah(m, d):
    return sum(math.comb(m, i) for i in range(min(d, m)))


# %% mistake: the relaxed bound (e m / d)^d instead of the exact sum
import math


def sauer_shelah(m, d):
    if m <= d:
        return 2**m
    return (math.e * m / d) ** d


# %% mistake: growth function evaluated at n instead of 2n in the VC bound
import math
import numpy as np
from scipy.special import logsumexp


def vc_bound(n, d, delta):
    i = np.arange(1, min(d, n) + 1, dtype=float)
    log_phi = logsumexp(np.concatenate([[0.0], np.cumsum(np.log((n - i + 1) / i))]))
    return math.sqrt(8.0 / n * (math.log(4.0) + log_phi - math.log(delta)))


# %% mistake: floating-point binomials (Phi overflows to inf for large n)
import math
import numpy as np
from scipy.special import comb


def vc_bound(n, d, delta):
    phi = comb(2 * n, np.arange(min(d, 2 * n) + 1)).sum()
    return math.sqrt(8.0 / n * np.log(4.0 * phi / delta))


# %% mistake: counting skips the last labeling (range(2**n - 1))
import numpy as np


def count_labelings(points, hclass):
    n = len(np.asarray(points))
    labs = [np.array([(b >> i) & 1 for i in range(n)]) for b in range(2**n - 1)]
    return sum(bool(realizable(points, lab, hclass)) for lab in labs)


# %% mistake: polynomial growth bound (2n)^d + 1 instead of Sauer-Shelah in the VC bound
import math


def vc_bound(n, d, delta):
    log_growth = math.log1p(math.exp(min(d * math.log(2 * n), 700))) if d * math.log(2 * n) < 700 else d * math.log(2 * n)
    return math.sqrt(8.0 / n * (math.log(4.0) + log_growth - math.log(delta)))


# %% alternative: Pascal's rule for Phi, gammaln + logsumexp for the bound
import math
import numpy as np
from scipy.special import gammaln, logsumexp


def sauer_shelah(m, d):
    row = [1] * (d + 1)  # Phi_k(0) = 1 for every k
    for _ in range(m):
        row = [1] + [row[k] + row[k - 1] for k in range(1, d + 1)]
    return row[d]


def vc_bound(n, d, delta):
    m = 2 * n
    i = np.arange(0, min(d, m) + 1)
    log_terms = gammaln(m + 1) - gammaln(i + 1) - gammaln(m - i + 1)
    return float(np.sqrt(8.0 / n * (np.log(4.0 / delta) + logsumexp(log_terms))))


# %% alternative: exact big-integer arithmetic (math.comb, math.log of a Python int)
import math
import numpy as np


def vc_bound(n, d, delta):
    phi = sum(math.comb(2 * n, i) for i in range(min(d, 2 * n) + 1))
    return math.sqrt(8.0 / n * (math.log(4 * phi) - math.log(delta)))


def count_labelings(points, hclass):
    n = len(np.asarray(points))
    seen = 0
    for bits in range(2**n):
        lab = np.array([(bits >> (n - 1 - i)) & 1 for i in range(n)])
        seen += int(bool(realizable(points, lab, hclass)))
    return seen
