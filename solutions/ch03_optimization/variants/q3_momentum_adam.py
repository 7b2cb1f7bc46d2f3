# %% mistake: heavy ball steps with the old velocity, then updates it
import numpy as np


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    v = np.zeros(x.size)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args)
        x = x - lr * (g + momentum * v if nesterov else v)
        v = momentum * v + g
        path.append(x)
    return np.array(path)


# %% mistake: ignores the nesterov flag (always heavy ball)
import numpy as np


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    v = np.zeros(x.size)
    path = [x]
    for _ in range(n_steps):
        v = momentum * v + grad(x, *args)
        x = x - lr * v
        path.append(x)
    return np.array(path)


# %% mistake: Nesterov look-ahead with the previous velocity, grad + mu v_k
import numpy as np


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    v = np.zeros(x.size)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args)
        step = g + momentum * v if nesterov else momentum * v + g
        v = momentum * v + g
        x = x - lr * step
        path.append(x)
    return np.array(path)


# %% mistake: Adam without bias correction
import numpy as np


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    m, s = np.zeros(x.size), np.zeros(x.size)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        x = x - lr * m / (np.sqrt(s) + eps)
        path.append(x)
    return np.array(path)


# %% mistake: Adam with eps inside the square root
import numpy as np


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    m, s = np.zeros(x.size), np.zeros(x.size)
    path = [x]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1**k)) / np.sqrt(s / (1 - beta2**k) + eps)
        path.append(x)
    return np.array(path)


# %% mistake: Adam bias correction with the step counter one ahead (beta^(k+1))
import numpy as np


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    m, s = np.zeros(x.size), np.zeros(x.size)
    path = [x]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1 ** (k + 1))) / (np.sqrt(s / (1 - beta2 ** (k + 1))) + eps)
        path.append(x)
    return np.array(path)


# %% mistake: Adam's second moment from |g| instead of g^2
import numpy as np


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    m, s = np.zeros(x.size), np.zeros(x.size)
    path = [x]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * np.abs(g)
        x = x - lr * (m / (1 - beta1**k)) / (s / (1 - beta2**k) + eps)
        path.append(x)
    return np.array(path)


# %% alternative: textbook momentum u = mu u - lr g (x += u), and Adam with torch's factorisation of the step
import numpy as np


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    u = np.zeros_like(x)
    path = np.empty((n_steps + 1, x.size))
    path[0] = x
    for k in range(n_steps):
        g = grad(x, *args)
        u = momentum * u - lr * g
        x = x + (momentum * u - lr * g if nesterov else u)
        path[k + 1] = x
    return path


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    m, s = np.zeros_like(x), np.zeros_like(x)
    path = [x.copy()]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m += (1 - beta1) * (g - m)
        s = beta2 * s + (1 - beta2) * g * g
        denom = np.sqrt(s) / np.sqrt(1 - beta2**k) + eps
        x = x - (lr / (1 - beta1**k)) * m / denom
        path.append(x.copy())
    return np.stack(path)


# %% alternative: float32 arithmetic
import numpy as np


def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=np.float32)
    v = np.zeros(x.size, dtype=np.float32)
    lr, momentum = np.float32(lr), np.float32(momentum)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args).astype(np.float32)
        v = momentum * v + g
        x = x - lr * (g + momentum * v if nesterov else v)
        path.append(x)
    return np.array(path, dtype=np.float32)


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    f32 = np.float32
    x = np.asarray(x0, dtype=f32)
    m, s = np.zeros(x.size, dtype=f32), np.zeros(x.size, dtype=f32)
    path = [x]
    for k in range(1, n_steps + 1):
        g = grad(x, *args).astype(f32)
        m = f32(beta1) * m + f32(1 - beta1) * g
        s = f32(beta2) * s + f32(1 - beta2) * g**2
        x = x - f32(lr) * (m / f32(1 - beta1**k)) / (np.sqrt(s / f32(1 - beta2**k)) + f32(eps))
        path.append(x)
    return np.array(path, dtype=f32)


# %% alternative: torch tensors for the state
import numpy as np


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    import torch
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = torch.as_tensor(np.asarray(x0, dtype=float))
    m, s = torch.zeros_like(x), torch.zeros_like(x)
    path = [x.clone()]
    for k in range(1, n_steps + 1):
        g = torch.as_tensor(grad(x.numpy(), *args))
        m.mul_(beta1).add_(g, alpha=1 - beta1)
        s.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        x = x - lr / (1 - beta1**k) * m / (s.sqrt() / (1 - beta2**k) ** 0.5 + eps)
        path.append(x.clone())
    return torch.stack(path)
