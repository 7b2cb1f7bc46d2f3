from otter.test_files import test_case

OK_FORMAT = False

name = "q3_momentum_adam"
points = 3.0

@test_case(name="test_worked_example_one_dimension", points=None, hidden=False)
def test_worked_example_one_dimension(momentum_path, adam_path):
    from mlmathkit_checks import guarded as _guarded
    momentum_path = _guarded(momentum_path, 'momentum_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    adam_path = _guarded(adam_path, 'adam_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close
    args = (np.array([[1.0]]), np.array([0.0]))
    close(momentum_path('quadratic', np.array([1.0]), args, lr=0.1, momentum=0.5, n_steps=2), [[1.0], [0.9], [0.76]], name='heavy-ball path', hint='v <- mu v + grad, then x <- x - lr v; row 0 is x0')
    close(momentum_path('quadratic', np.array([1.0]), args, lr=0.1, momentum=0.5, nesterov=True, n_steps=2), [[1.0], [0.85], [0.6975]], name='Nesterov path', hint='x <- x - lr (grad + mu v), with the NEW v')
    eps = 1e-08
    x1 = 1.0 - 0.1 * 1.0 / (1.0 + eps)
    g = x1
    m2, s2 = (0.9 * 0.1 + 0.1 * g, 0.999 * 0.001 + 0.001 * g ** 2)
    x2 = x1 - 0.1 * (m2 / (1 - 0.9 ** 2)) / (np.sqrt(s2 / (1 - 0.999 ** 2)) + eps)
    close(adam_path('quadratic', np.array([1.0]), args, lr=0.1, n_steps=2), [[1.0], [x1], [x2]], rtol=1e-05, name='Adam path', hint='bias-correct with 1 - beta^k, k = 1 for the first step')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(momentum_path, adam_path):
    from mlmathkit_checks import guarded as _guarded
    momentum_path = _guarded(momentum_path, 'momentum_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    adam_path = _guarded(adam_path, 'adam_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, close
    x0 = np.array([-1.2, 1.0])
    p = as_array(momentum_path('rosenbrock', x0, lr=0.001, momentum=0.0, n_steps=3), 'path', shape=(4, 2))
    x = x0.copy()
    for k in range(3):
        x = x - 0.001 * fx.rosenbrock_grad(x)
        close(p[k + 1], x, name=f'row {k + 1} of the path with momentum 0', hint='momentum 0 is plain gradient descent')
    as_array(momentum_path('rosenbrock', x0, n_steps=0), 'path with n_steps = 0', shape=(1, 2))
    p = as_array(adam_path('rosenbrock', x0, lr=0.01, n_steps=5), 'Adam path', shape=(6, 2))
    close(p[0], x0, name='row 0 of the Adam path')
    close(p[1] - p[0], -0.01 * np.sign(fx.rosenbrock_grad(x0)), name='first Adam step', hint='after bias correction the first step is lr g / (|g| + eps) in every coordinate')

@test_case(name="test_momentum_against_torch_sgd", points=None, hidden=True)
def test_momentum_against_torch_sgd(momentum_path):
    """Heavy-ball and Nesterov paths over many steps, against PyTorch's SGD."""
    from mlmathkit_checks import guarded as _guarded
    momentum_path = _guarded(momentum_path, 'momentum_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def run(f_torch, x0, n, **kw):
        p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], **kw)
        path = [x0.copy()]
        for _ in range(n):
            opt.zero_grad()
            f_torch(p).backward()
            opt.step()
            path.append(p.detach().numpy().copy())
        return np.array(path)

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()
    rng = np.random.default_rng(501)
    Q = np.linalg.qr(rng.normal(size=(4, 4)))[0]
    A, b = (Q * np.array([1.0, 3.0, 10.0, 30.0]) @ Q.T, rng.normal(size=4))
    A = (A + A.T) / 2
    At, bt = (torch.tensor(A), torch.tensor(b))
    cases = [('rosenbrock', np.array([-1.2, 1.0]), (), rosen, dict(lr=0.001, momentum=0.9), 200), ('rosenbrock', np.array([-1.2, 1.0]), (), rosen, dict(lr=0.0005, momentum=0.95, nesterov=True), 200), ('rosenbrock', rng.uniform(-1, 1, size=4), (), rosen, dict(lr=0.001, momentum=0.5, nesterov=True), 100), ('quadratic', rng.normal(size=4), (A, b), lambda x: 0.5 * x @ At @ x - bt @ x, dict(lr=0.03, momentum=0.7), 60), ('quadratic', rng.normal(size=4), (A, b), lambda x: 0.5 * x @ At @ x - bt @ x, dict(lr=0.03, momentum=0.7, nesterov=True), 60)]
    for name, x0, args, f_torch, kw, n in cases:
        expected = run(f_torch, x0, n, **kw)
        x0_before = x0.copy()
        got = momentum_path(name, x0, args, kw['lr'], kw['momentum'], kw.get('nesterov', False), n)
        close(x0, x0_before, rtol=0, atol=0, name='x0 after momentum_path', hint='do not update the input x0 in place')
        close(got, expected, rtol=0.0001, atol=1e-06 * np.abs(expected).max(), name=f'{name} path with {kw}', hint='v <- mu v + grad; heavy ball steps along v, Nesterov along grad + mu v')

@test_case(name="test_adam_against_torch", points=None, hidden=True)
def test_adam_against_torch(adam_path):
    """Adam paths over many steps, with non-default betas, a large eps and a zero gradient component."""
    from mlmathkit_checks import guarded as _guarded
    adam_path = _guarded(adam_path, 'adam_path', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def run(f_torch, x0, n, **kw):
        p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.Adam([p], **kw)
        path = [x0.copy()]
        for _ in range(n):
            opt.zero_grad()
            f_torch(p).backward()
            opt.step()
            path.append(p.detach().numpy().copy())
        return np.array(path)

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()
    rng = np.random.default_rng(502)
    A = np.diag([1.0, 100.0, 0.01])
    b = np.array([1.0, -2.0, 0.0])
    At, bt = (torch.tensor(A), torch.tensor(b))
    quad = lambda x: 0.5 * x @ At @ x - bt @ x
    cases = [('rosenbrock', np.array([-1.2, 1.0]), (), rosen, dict(lr=0.01), 200), ('rosenbrock', rng.uniform(-1, 1, size=3), (), rosen, dict(lr=0.05, betas=(0.8, 0.99)), 100), ('quadratic', np.array([3.0, 1.0, 0.0]), (A, b), quad, dict(lr=0.1), 100), ('quadratic', np.array([3.0, 1.0, 2.0]), (A, b), quad, dict(lr=0.1, eps=0.5, betas=(0.5, 0.9)), 50)]
    for name, x0, args, f_torch, kw, n in cases:
        expected = run(f_torch, x0, n, **kw)
        beta1, beta2 = kw.get('betas', (0.9, 0.999))
        x0_before = x0.copy()
        got = adam_path(name, x0, args, kw['lr'], beta1, beta2, kw.get('eps', 1e-08), n)
        close(x0, x0_before, rtol=0, atol=0, name='x0 after adam_path', hint='do not update the input x0 in place')
        close(got, expected, rtol=0.0001, atol=1e-06 * np.abs(expected).max(), name=f'{name} Adam path with {kw}', hint='m and s start at 0; bias-correct both with 1 - beta^k; eps is added to the square root, outside it')

