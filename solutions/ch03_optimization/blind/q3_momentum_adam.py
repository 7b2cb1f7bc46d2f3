# %% mistake: velocity as a moving average, v = mu v + (1 - mu) grad (dampening): PyTorch's SGD adds the full gradient to the velocity, so the steps come out too short
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = grad(x, *args)
        v = momentum * v + (1 - momentum) * g
        x = x - lr * (g + momentum * v) if nesterov else x - lr * v
        path.append(x.copy())
    return np.array(path)


# %% mistake: moves x with the old velocity before updating it (x -= lr v; then v = mu v + grad): the first step does not move at all and every later one lags
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = grad(x, *args)
        if nesterov:
            x = x - lr * (g + momentum * v)
        else:
            x = x - lr * v
        v = momentum * v + g
        path.append(x.copy())
    return np.array(path)


# %% mistake: Nesterov with the gradient taken at the look-ahead point x - lr mu v (Sutskever's form): PyTorch's form uses grad f(x_k), and its iterates differ
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        if nesterov:
            g = grad(x - lr * momentum * v, *args)
        else:
            g = grad(x, *args)
        v = momentum * v + g
        x = x - lr * v
        path.append(x.copy())
    return np.array(path)


# %% mistake: Nesterov step with the OLD velocity, x -= lr (grad + mu v_k): the look-ahead must use the velocity v_{k+1} just updated
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = grad(x, *args)
        if nesterov:
            x = x - lr * (g + momentum * v)
            v = momentum * v + g
        else:
            v = momentum * v + g
            x = x - lr * v
        path.append(x.copy())
    return np.array(path)


# %% mistake: updates x in place (x -= ...) and appends x itself to the path: every row is the same array, so the path shows only the final point (and x0 changes)
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = x0
    v = np.zeros_like(x)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args)
        v = momentum * v + g
        if nesterov:
            x -= lr * (g + momentum * v)
        else:
            x -= lr * v
        path.append(x)
    return np.array(path)


# %% mistake: returns only the n_steps new iterates, without x0 as row 0: the path must have n_steps + 1 rows
import numpy as np
import mlmathkit_fixtures as fx


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    v = np.zeros_like(x)
    path = []
    for _ in range(n_steps):
        g = grad(x, *args)
        v = momentum * v + g
        x = x - lr * (g + momentum * v) if nesterov else x - lr * v
        path.append(x.copy())
    return np.array(path).reshape(n_steps, x.size)


# %% mistake: no bias correction (uses m and s directly): both averages start at 0, so early steps are wrong; the first step is not lr sign(g)
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for _ in range(n_steps):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        x = x - lr * m / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: bias correction with the wrong power, 1 - beta^(k+1) (counter incremented before use): the first update must use k = 1
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    k = 1
    for _ in range(n_steps):
        k += 1
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        s_hat = s / (1 - beta2**k)
        x = x - lr * m_hat / (np.sqrt(s_hat) + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: step counter starts at k = 0, so the first bias correction divides by 1 - beta^0 = 0 and the path becomes inf/NaN
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(n_steps):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        s_hat = s / (1 - beta2**k)
        x = x - lr * m_hat / (np.sqrt(s_hat) + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: puts eps inside the square root, sqrt(s_hat + eps): not PyTorch's rule; with small gradients sqrt(eps) = 1e-4 dominates and the steps shrink
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        s_hat = s / (1 - beta2**k)
        x = x - lr * m_hat / np.sqrt(s_hat + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: divides by s_hat + eps without the square root: s estimates g^2, so the step scales like 1/g instead of being about lr in size
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        s_hat = s / (1 - beta2**k)
        x = x - lr * m_hat / (s_hat + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: bias-corrects only the first moment m, not s: the raw s is about 1000x too small at first, so the early steps are ~30x too large
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        x = x - lr * m_hat / (np.sqrt(s) + eps)
        path.append(x.copy())
    return np.array(path)


# %% mistake: accumulates the first moment like momentum, m = beta1 m + g, without the factor (1 - beta1): m is then ~10x too large after bias correction
import numpy as np
import mlmathkit_fixtures as fx


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + g
        s = beta2 * s + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**k)
        s_hat = s / (1 - beta2**k)
        x = x - lr * m_hat / (np.sqrt(s_hat) + eps)
        path.append(x.copy())
    return np.array(path)
