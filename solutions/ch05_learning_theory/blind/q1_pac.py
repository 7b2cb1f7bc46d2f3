# %% mistake: Rounds ln(|H|/delta)/epsilon to the nearest integer; a sample size must be rounded UP, or the bound no longer reaches delta
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return int(round((math.log(h_size) - math.log(delta)) / epsilon))


# %% mistake: Truncates ln(|H|/delta)/epsilon with int() (a floor), so m is one example short of the smallest m that makes |H| e^(-eps m) <= delta
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return int((math.log(h_size) - math.log(delta)) / epsilon)


# %% mistake: Takes int(x) + 1 as "rounding up"; it is one too many whenever ln(|H|/delta)/epsilon is a whole number (e.g. |H| = 1, delta = 1 needs 0 examples)
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return int((math.log(h_size) - math.log(delta)) / epsilon) + 1


# %% mistake: Uses log base 2 (counting bits of |H|) instead of the natural log that comes from e^(-epsilon m)
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return math.ceil((math.log2(h_size) - math.log2(delta)) / epsilon)


# %% mistake: Computes math.log(h_size / delta): the division turns a huge integer |H| (like 2**12800) into a float first and overflows
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return math.ceil(math.log(h_size / delta) / epsilon)


# %% mistake: Swaps epsilon and delta: divides by the failure probability and puts the accuracy inside the logarithm
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return math.ceil((math.log(h_size) - math.log(epsilon)) / delta)


# %% mistake: Solves |H| (1 - eps)^m <= delta with -ln(1 - eps) instead of the asked bound |H| e^(-eps m) <= delta, giving a different (smaller) m
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return math.ceil((math.log(h_size) - math.log(delta)) / (-math.log(1.0 - epsilon)))


# %% mistake: Forgets the union bound over H: uses ln(1/delta)/epsilon, the bound for one fixed hypothesis, so |H| plays no role
import math


def pac_realizable_sample_size(h_size, epsilon, delta):
    return math.ceil(math.log(1.0 / delta) / epsilon)


# %% mistake: Drops the leading factor 2 (squares epsilon/2 as eps^2/2): m = ln(2|H|/delta)/eps^2 is half the examples uniform convergence to eps/2 needs
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return math.ceil((math.log(2) + math.log(h_size) - math.log(delta)) / epsilon ** 2)


# %% mistake: Uses one-sided Hoeffding: drops the factor 2 inside the logarithm, but |L_S - L_D| > eps has probability up to 2 e^(-2 m eps^2)
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return math.ceil(2 * (math.log(h_size) - math.log(delta)) / epsilon ** 2)


# %% mistake: Copies the realizable rate 1/epsilon instead of 1/epsilon^2; Hoeffding only gives 1/eps^2 in the agnostic case
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return math.ceil(2 * (math.log(2) + math.log(h_size) - math.log(delta)) / epsilon)


# %% mistake: Solves epsilon_uc <= epsilon instead of epsilon_uc <= epsilon/2, giving m = ln(2|H|/delta)/(2 eps^2), four times too few examples
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return math.ceil((math.log(2) + math.log(h_size) - math.log(delta)) / (2 * epsilon ** 2))


# %% mistake: Rounds 2 ln(2|H|/delta)/epsilon^2 to the nearest integer instead of up; a sample size rounded down misses the guarantee
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return int(round(2 * (math.log(2) + math.log(h_size) - math.log(delta)) / epsilon ** 2))


# %% mistake: Computes math.log(2 * h_size / delta): dividing a huge integer |H| by a float overflows before the log is taken
import math


def pac_agnostic_sample_size(h_size, epsilon, delta):
    return math.ceil(2 * math.log(2 * h_size / delta) / epsilon ** 2)


# %% mistake: Uses one-sided Hoeffding: ln(|H|/delta) without the factor 2 that the two-sided bound 2 e^(-2 m eps^2) puts inside the log
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt((math.log(h_size) - math.log(delta)) / (2 * m))


# %% mistake: Drops the 2 in the denominator (2m): Hoeffding's exponent is -2 m eps^2, so the accuracy is sqrt(ln(...)/(2m))
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt((math.log(2) + math.log(h_size) - math.log(delta)) / m)


# %% mistake: Forgets the square root: solving 2|H| exp(-2 m eps^2) = delta for eps gives a square root, not ln(2|H|/delta)/(2m)
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return (math.log(2) + math.log(h_size) - math.log(delta)) / (2 * m)


# %% mistake: Inverts the agnostic sample-size formula m = 2 ln(2|H|/delta)/eps^2 instead; that eps is twice the uniform-convergence accuracy
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt(2 * (math.log(2) + math.log(h_size) - math.log(delta)) / m)


# %% mistake: Takes math.log(2 * h_size / delta): for a huge integer |H| the division to float overflows; take logs before dividing
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt(math.log(2 * h_size / delta) / (2 * m))


# %% mistake: Sign error on the confidence term: adds ln(delta) instead of subtracting it, so a smaller delta gives a smaller (even negative) accuracy
import math


def uniform_convergence_epsilon(h_size, m, delta):
    return math.sqrt((math.log(2) + math.log(h_size) + math.log(delta)) / (2 * m))
