from otter.test_files import test_case

OK_FORMAT = False

name = "q4_kkt"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(eq_qp, kkt_residuals):
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    kkt_residuals = _guarded(kkt_residuals, 'kkt_residuals', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    x, lam = fields(eq_qp(np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0])), ['x', 'lam'], 'eq_qp result')
    close(x, [0.5, 0.5], name='x')
    close(lam, [-0.5], name='lambda', hint='the sign convention is Q x + c + A^T lam = 0')
    Q, c, G, h = (np.eye(2), np.array([-2.0, 0.0]), np.array([[1.0, 0.0]]), np.array([1.0]))
    keys = ['stationarity', 'primal', 'dual', 'complementarity']

    def residuals(x, mu):
        return np.array([as_scalar(v, k) for v, k in zip(fields(kkt_residuals(Q, c, G, h, x, mu), keys, 'residuals'), keys)])
    close(residuals(np.array([1.0, 0.0]), np.array([1.0])), [0, 0, 0, 0], name='residuals at the solution')
    close(residuals(np.array([2.0, 0.0]), np.array([0.0])), [0, 1, 0, 0], name='residuals at the unconstrained minimum', hint='(2, 0) violates x1 <= 1 by 1')
    close(residuals(np.array([0.0, 0.0]), np.array([-1.0])), [3, 0, 1, 1], name='residuals at x = 0, mu = -1', hint='stationarity |(0 - 2 - 1, 0)| = 3; x = 0 is feasible with slack 1; mu < 0 violates dual feasibility by 1')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(eq_qp):
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4)
    M = rng.normal(size=(5, 5))
    Q, c, A, b = (M @ M.T + np.eye(5), rng.normal(size=5), rng.normal(size=(2, 5)), rng.normal(size=2))
    x, lam = fields(eq_qp(Q, c, A, b), ['x', 'lam'], 'eq_qp result')
    close(A @ np.asarray(x, dtype=float), b, name='A x (feasibility)')
    close(Q @ np.asarray(x, dtype=float) + c + A.T @ np.asarray(lam, dtype=float), np.zeros(5), atol=1e-08, name='Q x + c + A^T lam (stationarity)')

@test_case(name="test_eq_qp_against_slsqp", points=None, hidden=True)
def test_eq_qp_against_slsqp(eq_qp):
    """Random equality-constrained quadratic programs of several sizes."""
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import minimize
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(601)
    for n, m in [(2, 1), (4, 2), (6, 3), (8, 1), (5, 4)]:
        M = rng.normal(size=(n, n))
        Q, c, A, b = (M @ M.T + 0.5 * np.eye(n), rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m))
        res = minimize(lambda x: 0.5 * x @ Q @ x + c @ x, np.zeros(n), jac=lambda x: Q @ x + c, method='SLSQP', constraints=[{'type': 'eq', 'fun': lambda x: A @ x - b, 'jac': lambda x: A}], options={'ftol': 1e-15, 'maxiter': 1000})
        x, lam = fields(eq_qp(Q, c, A, b), ['x', 'lam'], 'eq_qp result')
        close(x, res.x, rtol=0, atol=1e-06 * np.abs(res.x).max(), name=f'x (n={n}, m={m})')
        close(lam, -res.multipliers, rtol=0, atol=1e-06 * np.abs(res.multipliers).max(), name=f'lambda (n={n}, m={m})', hint='stationarity is Q x + c + A^T lam = 0; the KKT right-hand side is (-c, b)')

@test_case(name="test_eq_qp_singular_and_indefinite_q", points=None, hidden=True)
def test_eq_qp_singular_and_indefinite_q(eq_qp):
    """A singular, an indefinite and an ill-conditioned Q that are positive definite on the feasible directions."""
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.linalg import lstsq, null_space, solve
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(602)
    for kind in ('singular', 'indefinite', 'ill-conditioned'):
        n, m = (5, 2)
        A, b, c = (rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n))
        Z = null_space(A)
        if kind == 'singular':
            Q = Z @ np.diag([1.0, 2.0, 3.0]) @ Z.T
        elif kind == 'indefinite':
            R = np.linalg.qr(A.T)[0]
            Q = Z @ np.diag([1.0, 2.0, 3.0]) @ Z.T - 5.0 * R @ R.T
        else:
            U = np.linalg.qr(rng.normal(size=(n, n)))[0]
            Q = U * np.logspace(0, -6, n) @ U.T
        Q = (Q + Q.T) / 2
        x_p = lstsq(A, b)[0]
        x_star = x_p + Z @ solve(Z.T @ Q @ Z, -Z.T @ (Q @ x_p + c))
        lam_star = lstsq(A.T, -(Q @ x_star + c))[0]
        x, lam = fields(eq_qp(Q, c, A, b), ['x', 'lam'], 'eq_qp result')
        close(x, x_star, rtol=0, atol=1e-06 * np.abs(x_star).max(), name=f'x ({kind} Q)', hint='Q may be singular or indefinite: solve the whole KKT system, do not invert Q')
        close(lam, lam_star, rtol=0, atol=1e-06 * np.abs(lam_star).max(), name=f'lambda ({kind} Q)')

@test_case(name="test_kkt_residuals", points=None, hidden=True)
def test_kkt_residuals(kkt_residuals):
    """Residuals at a solver's solution and at random points with several constraints."""
    from mlmathkit_checks import guarded as _guarded
    kkt_residuals = _guarded(kkt_residuals, 'kkt_residuals', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import minimize
    from mlmathkit_checks import as_scalar, close, fields, require
    keys = ['stationarity', 'primal', 'dual', 'complementarity']

    def residuals(*args):
        return np.array([as_scalar(v, k) for v, k in zip(fields(kkt_residuals(*args), keys, 'residuals'), keys)])
    rng = np.random.default_rng(603)
    for n, p in [(3, 2), (5, 6), (4, 1)]:
        M = rng.normal(size=(n, n))
        Q, c = (M @ M.T + np.eye(n), rng.normal(size=n) * 3)
        G, h = (rng.normal(size=(p, n)), rng.uniform(0.1, 1.0, size=p))
        res = minimize(lambda x: 0.5 * x @ Q @ x + c @ x, np.zeros(n), jac=lambda x: Q @ x + c, method='SLSQP', constraints=[{'type': 'ineq', 'fun': lambda x: h - G @ x, 'jac': lambda x: -G}], options={'ftol': 1e-15, 'maxiter': 1000})
        at_opt = residuals(Q, c, G, h, res.x, res.multipliers)
        require(bool(np.all(at_opt >= 0)) and bool(np.all(at_opt < 0.0001)), f'at the solution found by SLSQP all residuals should be (near) 0, got {dict(zip(keys, at_opt.round(9)))}')
        for trial in range(3):
            x = res.x + rng.normal(size=n)
            mu = rng.normal(size=p)
            r = G @ x - h
            expected = [np.abs(Q @ x + c + G.T @ mu).max(), max(0.0, r.max()), max(0.0, (-mu).max()), np.abs(mu * r).max()]
            close(residuals(Q, c, G, h, x, mu), expected, name=f'residuals (n={n}, p={p}, point {trial})', hint='infinity norms (largest absolute entry); a satisfied inequality has primal residual 0')
    close(residuals(np.eye(2), np.zeros(2), np.eye(2), np.array([1.0, 2.0]), np.array([-1.0, -3.0]), np.array([0.5, 2.0])), [1.0, 0.0, 0.0, 10.0], name='residuals at a strictly feasible point with positive multipliers', hint='Q x + c + G^T mu = (-0.5, -1); slacks G x - h = (-2, -5) are negative, so nothing is violated')

