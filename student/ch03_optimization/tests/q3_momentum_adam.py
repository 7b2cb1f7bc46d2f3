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

