# %% mistake: Forms the determinants with np.linalg.det: with variances ~1e-7 in d = 60 they underflow to 0 and the ratio 0/0 is nan.
import numpy as np


def gaussian_mi(cov, dx):
    det = np.linalg.det
    return float(0.5 * np.log(det(cov[:dx, :dx]) * det(cov[dx:, dx:]) / det(cov)))


# %% mistake: Takes log det as sum(log diag L) without the factor 2 (det = (prod diag L)^2), which halves the mutual information.
import numpy as np


def gaussian_mi(cov, dx):
    def logdet(A):
        return np.sum(np.log(np.diag(np.linalg.cholesky(A))))

    return float(0.5 * (logdet(cov[:dx, :dx]) + logdet(cov[dx:, dx:]) - logdet(cov)))


# %% mistake: Forgets the factor 1/2 in front of the log-determinants (h = 1/2 log det(2 pi e Sigma)), doubling the mutual information.
import numpy as np


def gaussian_mi(cov, dx):
    def logdet(A):
        return 2 * np.sum(np.log(np.diag(np.linalg.cholesky(A))))

    return float(logdet(cov[:dx, :dx]) + logdet(cov[dx:, dx:]) - logdet(cov))


# %% mistake: Subtracts the block log-determinants from the joint one (sign flipped): det(cov) <= det(S_XX) det(S_YY), so the result is negative.
import numpy as np


def gaussian_mi(cov, dx):
    def logdet(A):
        return 2 * np.sum(np.log(np.diag(np.linalg.cholesky(A))))

    return float(0.5 * (logdet(cov) - logdet(cov[:dx, :dx]) - logdet(cov[dx:, dx:])))


# %% mistake: Uses the two-scalar formula -1/2 log(1 - rho^2) with rho from cov[0, dx] only: right for the 2 x 2 example, wrong when a block has several coordinates.
import numpy as np


def gaussian_mi(cov, dx):
    rho = cov[0, dx] / np.sqrt(cov[0, 0] * cov[dx, dx])
    return float(-0.5 * np.log(1 - rho ** 2))


# %% mistake: Takes the log-determinant from the diagonal of the covariance itself, not of its Cholesky factor: that ignores every correlation (MI always 0).
import numpy as np


def gaussian_mi(cov, dx):
    def logdet(A):
        return np.sum(np.log(np.diag(A)))

    return float(0.5 * (logdet(cov[:dx, :dx]) + logdet(cov[dx:, dx:]) - logdet(cov)))


# %% mistake: Computes log(1 + snr) literally: for an SNR of 1e-24 deep in the chain, 1 + snr rounds to 1 and the MI comes out exactly 0.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    signal, noise = float(var_x), 0.0
    out = []
    for g, n in zip(gains, noise_vars):
        signal = g ** 2 * signal
        noise = g ** 2 * noise + n
        out.append(0.5 * np.log(1 + signal / noise))
    return np.array(out)


# %% mistake: Accumulates the noise as noise_{i-1} + n_i, forgetting that the layer's gain g_i also scales the noise already carried by X_{i-1}.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    signal, noise = float(var_x), 0.0
    out = []
    for g, n in zip(gains, noise_vars):
        signal = g ** 2 * signal
        noise = noise + n
        out.append(0.5 * np.log1p(signal / noise))
    return np.array(out)


# %% mistake: Scales the signal variance by the gain instead of the squared gain: a negative gain then gives a negative 'SNR' (negative MI or nan).
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    G = np.cumprod(gains)
    out = []
    noise = 0.0
    for i, (g, n) in enumerate(zip(gains, noise_vars)):
        noise = g ** 2 * noise + n
        out.append(0.5 * np.log1p(G[i] * var_x / noise))
    return np.array(out)


# %% mistake: Computes I(X_{i-1}; X_i), the information each layer keeps about ITS OWN input, instead of I(X_0; X_i) about the chain's input.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    var_prev = float(var_x)
    out = []
    for g, n in zip(gains, noise_vars):
        out.append(0.5 * np.log1p(g ** 2 * var_prev / n))
        var_prev = g ** 2 * var_prev + n
    return np.array(out)


# %% mistake: Indexes layers off by one: entry 0 is X_0 itself (noise 0, so MI = inf), gains[i] is used as layer i+1's gain and the last layer is missing.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    L = len(gains)
    signal = np.empty(L)
    noise = np.empty(L)
    signal[0], noise[0] = var_x, 0.0
    for i in range(1, L):
        signal[i] = gains[i] ** 2 * signal[i - 1]
        noise[i] = gains[i] ** 2 * noise[i - 1] + noise_vars[i]
    with np.errstate(divide="ignore"):
        return 0.5 * np.log1p(signal / noise)


# %% mistake: Uses only the current layer's gain, signal = g_i^2 var_x, instead of the cumulative gain G_i = g_1 ... g_i.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    gains = np.asarray(gains, dtype=float)
    out = []
    noise = 0.0
    for g, n in zip(gains, noise_vars):
        noise = g ** 2 * noise + n
        out.append(0.5 * np.log1p(g ** 2 * var_x / noise))
    return np.array(out)


# %% mistake: Propagates the noise with the cumulative gain G_i^2 instead of the layer's own g_i^2: earlier noise gets amplified by the earlier gains twice.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    G = np.cumprod(np.asarray(gains, dtype=float))
    noise = 0.0
    out = []
    for i, n in enumerate(noise_vars):
        noise = G[i] ** 2 * noise + n
        out.append(0.5 * np.log1p(G[i] ** 2 * var_x / noise))
    return np.array(out)


# %% mistake: Uses the unrolled form noise_i = G_i^2 sum_j n_j / G_j^2: once a gain is 0 it divides by zero and 0 * inf = nan.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    G = np.cumprod(np.asarray(gains, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        noise = G ** 2 * np.cumsum(np.asarray(noise_vars, dtype=float) / G ** 2)
        return 0.5 * np.log1p(G ** 2 * var_x / noise)


# %% mistake: Uses log2 (bits) for the chain; this function must return nats like every other MI in the question.
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    signal, noise = float(var_x), 0.0
    out = []
    for g, n in zip(gains, noise_vars):
        signal = g ** 2 * signal
        noise = g ** 2 * noise + n
        out.append(0.5 * np.log1p(signal / noise) / np.log(2))
    return np.array(out)
