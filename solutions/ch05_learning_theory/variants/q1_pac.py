# %% mistake: base-2 logarithm instead of the natural logarithm
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return int(math.ceil((math.log2(h_size) - math.log2(delta)) / epsilon))


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return int(math.ceil(2.0 * (1.0 + math.log2(h_size) - math.log2(delta)) / epsilon**2))


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt((1.0 + math.log2(h_size) - math.log2(delta)) / (2.0 * m))


# %% mistake: no rounding up (returns the real-valued bound)
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return (math.log(h_size) - math.log(delta)) / epsilon


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return 2.0 * (math.log(2.0) + math.log(h_size) - math.log(delta)) / epsilon**2


# %% mistake: agnostic bound asks uniform convergence for epsilon instead of epsilon / 2
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return int(math.ceil((math.log(2.0) + math.log(h_size) - math.log(delta)) / (2.0 * epsilon**2)))


# %% mistake: one-sided Hoeffding (forgets the factor 2 in 2|H|)
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return int(math.ceil(2.0 * (math.log(h_size) - math.log(delta)) / epsilon**2))


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt((math.log(h_size) - math.log(delta)) / (2.0 * m))


# %% mistake: np.log of |H| / delta (overflows or fails for astronomically large classes)
import numpy as np


def pac_realizable_sample_size(h_size, epsilon, delta):
    return int(np.ceil(np.log(h_size / delta) / epsilon))


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return int(np.ceil(2 * np.log(2 * h_size / delta) / epsilon**2))


def uniform_convergence_epsilon(h_size, m, delta):
    return float(np.sqrt(np.log(2 * h_size / delta) / (2 * m)))


# %% alternative: search for the smallest m with |H| exp(-eps m) <= delta (loops, log space)
import math


def _smallest(log_fail):
    lo, hi = 0, 1
    while log_fail(hi) > 0:
        hi *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if log_fail(mid) > 0 else (lo, mid)
    return hi if log_fail(lo) > 0 else lo


def pac_realizable_sample_size(h_size, epsilon, delta):
    log_h, log_d = math.log(h_size), math.log(delta)
    return _smallest(lambda m: log_h - epsilon * m - log_d)


def pac_agnostic_sample_size(h_size, epsilon, delta):
    log_2h, log_d = math.log(2) + math.log(h_size), math.log(delta)
    return _smallest(lambda m: log_2h - 2 * m * (epsilon / 2) ** 2 - log_d)


# %% alternative: log|H| from the bit length for integers, numpy ceil, numpy integer result
import math
import numpy as np


def _log(h):
    if isinstance(h, int) and h.bit_length() > 1000:
        shift = h.bit_length() - 60
        return math.log(h >> shift) + shift * math.log(2)
    return float(np.log(float(h)))


def pac_realizable_sample_size(h_size, epsilon, delta):
    return np.int64(np.ceil((_log(h_size) + np.log(1 / delta)) / epsilon))


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return np.int64(np.ceil(2 * (_log(h_size) + np.log(2 / delta)) / epsilon**2))


def uniform_convergence_epsilon(h_size, m, delta):
    return np.sqrt((_log(h_size) + np.log(2 / delta)) / (2 * m))
