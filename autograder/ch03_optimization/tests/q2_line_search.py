from otter.test_files import test_case

OK_FORMAT = False

name = "q2_line_search"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(armijo_step, gradient_descent, optimal_step_and_rate):
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    optimal_step_and_rate = _guarded(optimal_step_and_rate, 'optimal_step_and_rate', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    A, b = (np.array([[4.0]]), np.array([0.0]))
    close(as_scalar(armijo_step('quadratic', np.array([1.0]), np.array([-4.0]), (A, b)), 'step'), 0.25, name='Armijo step on f = 2x^2 from x = 1', hint='halve t until f(x + t d) <= f(x) + c t grad^T d')
    close(as_scalar(armijo_step('quadratic', np.array([1.0]), np.array([-4.0]), (A, b), t0=0.3), 'step'), 0.3, name='Armijo step when t0 = 0.3 already satisfies the condition', hint='start from t0, not from 1')
    run = gradient_descent('quadratic', np.array([1.0]), (A, b), tol=0.0)
    x, f = fields(run, ['x', 'f'], 'gradient descent result')
    close(x, [0.0], name='x after gradient descent on 2x^2')
    close(f, [2.0, 0.0], name='f values: f(x_0), f(x_1)', hint='stop as soon as ||grad f(x_k)|| <= tol; record f at every iterate, x_0 included')
    t, r = fields(optimal_step_and_rate(np.diag([1.0, 9.0])), ['t_star', 'rate'], 'result')
    close(np.array([as_scalar(t, 't_star'), as_scalar(r, 'rate')]), [0.2, 0.8], name='(t*, r) for A = diag(1, 9)', hint='t* = 2 / (mu + L), r = (L - mu) / (L + mu)')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(armijo_step, gradient_descent):
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    x = np.array([-1.2, 1.0])
    g = fx.rosenbrock_grad(x)
    t = as_scalar(armijo_step('rosenbrock', x, -g), 'step')
    require(0 < t <= 1, f'the step should lie in (0, t0] = (0, 1], got {t:.3g}')
    require(fx.rosenbrock(x - t * g) <= fx.rosenbrock(x) - 0.0001 * t * g @ g, 'the returned step does not satisfy the Armijo condition f(x + t d) <= f(x) + c t grad^T d')
    rng = np.random.default_rng(2)
    M = rng.normal(size=(4, 4))
    A, b = (M @ M.T + np.eye(4), rng.normal(size=4))
    run = gradient_descent('quadratic', np.zeros(4), (A, b), max_iter=5000, tol=1e-09)
    x_end, f, path = fields(run, ['x', 'f', 'path'], 'gradient descent result')
    close(x_end, np.linalg.solve(A, b), rtol=1e-06, atol=1e-08, name="gradient descent's answer on a quadratic", hint='the minimiser of 1/2 x^T A x - b^T x solves A x = b')
    f = as_array(f, 'f values')
    path = as_array(path, 'path', shape=(f.size, 4))
    require(bool(np.all(np.diff(f) <= 0)), 'with the Armijo condition, f must never increase')
    close(path[0], np.zeros(4), name='first row of path (x_0)')
    close(path[-1], x_end, name='last row of path', hint='path[-1] should be the returned x')

@test_case(name="test_armijo_closed_form_on_quadratics", points=None, hidden=True)
def test_armijo_closed_form_on_quadratics(armijo_step):
    """Backtracking on quadratics along descent directions other than the negative gradient, for several t0, c and rho."""
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(402)
    done = 0
    while done < 12:
        d_ = int(rng.integers(1, 6))
        M = rng.normal(size=(d_, d_))
        A = M @ M.T + 0.1 * np.eye(d_)
        b, x = (rng.normal(size=d_), rng.normal(size=d_))
        g = A @ x - b
        direction = -g + 0.5 * rng.normal(size=d_) * np.abs(g).max()
        if g @ direction >= 0:
            continue
        t0, c, rho = (float(rng.choice([1.0, 2.0, 0.1])), float(rng.choice([0.0001, 0.3])), float(rng.choice([0.5, 0.8])))
        t_max = -2 * (1 - c) * (g @ direction) / (direction @ A @ direction)
        k = np.log(t_max / t0) / np.log(rho)
        if abs(k - round(k)) < 0.001:
            continue
        expected = t0 * rho ** max(0, int(np.ceil(k)))
        got = as_scalar(armijo_step('quadratic', x, direction, (A, b), t0, c, rho), 'step')
        close(got, expected, rtol=1e-09, name=f'Armijo step (d={d_}, t0={t0:g}, c={c:g}, rho={rho:g})', hint='accept the first t in t0, rho t0, rho^2 t0, ... with f(x + t d) <= f(x) + c t grad^T d')
        done += 1

@test_case(name="test_armijo_on_rosenbrock", points=None, hidden=True)
def test_armijo_on_rosenbrock(armijo_step):
    """Backtracking on the Rosenbrock function: the first acceptable step of the form t0 rho^k."""
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_scalar, require
    rng = np.random.default_rng(403)
    for _ in range(10):
        x = rng.uniform(-2, 2, size=3)
        g = fx.rosenbrock_grad(x)
        t0, c, rho = (1.0, float(rng.choice([0.0001, 0.5])), float(rng.choice([0.5, 0.9])))
        t = as_scalar(armijo_step('rosenbrock', x, -g, (), t0, c, rho), 'step')
        k = np.log(t / t0) / np.log(rho)
        require(t > 0 and abs(k - round(k)) < 1e-09, f'the step {t:.6g} is not of the form t0 rho^k (rho = {rho})')

        def armijo(s):
            return fx.rosenbrock(x - s * g) <= fx.rosenbrock(x) - c * s * g @ g
        require(armijo(t), f'the step {t:.6g} does not satisfy the Armijo condition (c = {c})')
        require(not armijo(t / rho), f'the step {t / rho:.6g} = t / rho also satisfies the Armijo condition: backtracking must stop at the FIRST acceptable step')
    t = as_scalar(armijo_step('rosenbrock', np.array([1.1, 1.2]), -fx.rosenbrock_grad(np.array([1.1, 1.2])), (), 0.001), 'step')
    require(t == 0.001, f'a tiny t0 = 1e-3 is acceptable already and must be returned unchanged, got {t:.6g}')

@test_case(name="test_gradient_descent_trajectory", points=None, hidden=True)
def test_gradient_descent_trajectory(gradient_descent):
    """The whole path and f values of gradient descent with line search on quadratics."""
    from mlmathkit_checks import guarded as _guarded
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(404)
    for trial, (d_, c, rho) in enumerate([(2, 0.0001, 0.5), (5, 0.3, 0.5), (3, 0.0001, 0.7)]):
        Q = np.linalg.qr(rng.normal(size=(d_, d_)))[0]
        A = Q * np.logspace(0, 1.5, d_) @ Q.T
        A = (A + A.T) / 2
        b, x = (rng.normal(size=d_), rng.normal(size=d_) * 3)
        path, values = ([x], [0.5 * x @ A @ x - b @ x])
        for _ in range(30):
            g = A @ x - b
            t_max = 2 * (1 - c) * (g @ g) / (g @ A @ g)
            t = rho ** max(0, int(np.ceil(np.log(t_max) / np.log(rho))))
            x = x - t * g
            path.append(x)
            values.append(0.5 * x @ A @ x - b @ x)
        x0 = path[0].copy()
        x_end, f, p = fields(gradient_descent('quadratic', x0, (A, b), 30, 0.0, c, rho), ['x', 'f', 'path'], 'result')
        tag = f'(d={d_}, c={c:g}, rho={rho:g})'
        close(x0, path[0], rtol=0, atol=0, name='x0 after gradient descent', hint='do not update the input x0 in place')
        close(f, values, rtol=1e-07, atol=1e-09, name=f'f values over 30 steps {tag}', hint='each step: armijo_step from t0 = 1 along d = -grad f(x_k), then x_{k+1} = x_k + t d')
        close(p, np.array(path), rtol=1e-07, atol=1e-09, name=f'path over 30 steps {tag}')
        close(x_end, path[-1], rtol=1e-07, atol=1e-09, name=f'last iterate {tag}')

@test_case(name="test_gradient_descent_stopping_and_convergence", points=None, hidden=True)
def test_gradient_descent_stopping_and_convergence(gradient_descent):
    """The stopping rule, the iteration limit (max_iter = 0 included) and a start at the minimiser."""
    from mlmathkit_checks import guarded as _guarded
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.linalg import solve
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, close, fields, require
    rng = np.random.default_rng(405)
    M = rng.normal(size=(6, 6))
    A, b = (M @ M.T + 0.5 * np.eye(6), rng.normal(size=6))
    x_end, f, p = fields(gradient_descent('quadratic', np.zeros(6), (A, b), 2000, 1e-07), ['x', 'f', 'path'], 'result')
    x_star = solve(A, b, assume_a='pos')
    close(x_end, x_star, rtol=0.0, atol=1e-07 * np.linalg.norm(x_star) * np.linalg.cond(A), name='minimiser of an ill-conditioned quadratic')
    p = as_array(p, 'path')
    grads = np.linalg.norm(p @ A - b, axis=1)
    require(grads[-1] <= 1e-07, f'stopped with ||grad|| = {grads[-1]:.3g} > tol = 1e-7')
    require(bool(np.all(grads[:-1] > 1e-07)), 'gradient descent ran on after ||grad|| <= tol: stop at the first such iterate')
    x_end, f, p = fields(gradient_descent('rosenbrock', np.array([-1.2, 1.0]), (), 50), ['x', 'f', 'path'], 'result')
    f = as_array(f, 'f values', shape=(51,))
    require(bool(np.all(np.diff(f) <= 0)) and f[-1] < 0.5 * f[0], '50 Armijo steps on the Rosenbrock function must decrease f')
    close(f[-1], fx.rosenbrock(as_array(x_end, 'x')), name='last f value = f(returned x)')
    x_end, f, p = fields(gradient_descent('rosenbrock', np.array([-1.2, 1.0]), (), 0), ['x', 'f', 'path'], 'result')
    close(x_end, [-1.2, 1.0], name='x with max_iter = 0')
    close(f, [fx.rosenbrock(np.array([-1.2, 1.0]))], name='f values with max_iter = 0')
    A, b = (np.diag([2.0, 4.0]), np.array([2.0, 8.0]))
    x_end, f, p = fields(gradient_descent('quadratic', np.array([1.0, 2.0]), (A, b), 100, 1e-12), ['x', 'f', 'path'], 'result')
    close(f, [fx.quadratic(np.array([1.0, 2.0]), A, b)], name='f values when x0 is already the minimiser', hint='test ||grad f(x_k)|| <= tol BEFORE taking a step')

@test_case(name="test_rate_against_spectral_radius", points=None, hidden=True)
def test_rate_against_spectral_radius(optimal_step_and_rate):
    """The optimal fixed step and rate for general (non-diagonal) symmetric matrices."""
    from mlmathkit_checks import guarded as _guarded
    optimal_step_and_rate = _guarded(optimal_step_and_rate, 'optimal_step_and_rate', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import minimize_scalar
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(406)
    for d_, kappa in [(3, 10.0), (5, 1000.0), (4, 1.5), (8, 50.0)]:
        Q = np.linalg.qr(rng.normal(size=(d_, d_)))[0]
        lam = np.concatenate([[2.0, 2.0 * kappa], rng.uniform(2.0, 2.0 * kappa, size=d_ - 2)])
        A = Q * lam @ Q.T
        A = (A + A.T) / 2

        def radius(t):
            return np.abs(np.linalg.eigvals(np.eye(d_) - t * A)).max()
        best = minimize_scalar(radius, bounds=(0.0, 2.0 / lam.max()), method='bounded', options={'xatol': 1e-14})
        t, r = fields(optimal_step_and_rate(A), ['t_star', 'rate'], 'result')
        t, r = (as_scalar(t, 't_star'), as_scalar(r, 'rate'))
        close(t, best.x, rtol=1e-05, name=f't* (d={d_}, kappa={kappa:g})', hint='use the extreme eigenvalues of A (np.linalg.eigvalsh), not its diagonal')
        close(r, best.fun, rtol=1e-06, name=f'rate (d={d_}, kappa={kappa:g})', hint='r = (kappa - 1) / (kappa + 1)')
        e = Q[:, 0] + Q[:, 1]
        close(np.linalg.norm(e - t * (A @ e)) / np.linalg.norm(e), r, rtol=1e-06, name=f'measured contraction factor (d={d_}, kappa={kappa:g})')

@test_case(name="test_armijo_scaled_and_preconditioned_directions", points=None, hidden=True)
def test_armijo_scaled_and_preconditioned_directions(armijo_step):
    """Descent directions that are scaled or preconditioned versions of the negative gradient, with a large c."""
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(407)
    done = 0
    while done < 10:
        d_ = int(rng.integers(2, 6))
        M = rng.normal(size=(d_, d_))
        A = M @ M.T + 0.5 * np.eye(d_)
        b, x = (rng.normal(size=d_), rng.normal(size=d_))
        g = A @ x - b
        scale = float(rng.choice([0.05, 2.0, 5.0])) if done % 2 else 1.0
        direction = -scale * rng.uniform(0.2, 3.0, size=d_) * g
        c, rho = (float(rng.choice([0.3, 0.5])), float(rng.choice([0.5, 0.7])))
        if -(g @ direction) < 1.5 * c * (g @ g):
            continue
        t_max = -2 * (1 - c) * (g @ direction) / (direction @ A @ direction)
        k = np.log(t_max) / np.log(rho)
        if abs(k - round(k)) < 0.001:
            continue
        expected = rho ** max(0, int(np.ceil(k)))
        x_before, d_before = (x.copy(), direction.copy())
        got = as_scalar(armijo_step('quadratic', x, direction, (A, b), 1.0, c, rho), 'step')
        close(got, expected, rtol=1e-09, name=f'Armijo step along a preconditioned direction (d={d_}, c={c:g}, rho={rho:g})', hint='the slope in the Armijo condition is grad f(x)^T d for the given direction d')
        require(bool(np.array_equal(x, x_before)) and bool(np.array_equal(direction, d_before)), 'armijo_step changed its input x or direction')
        done += 1

