from otter.test_files import test_case

OK_FORMAT = False

name = "q5_lp_duality"
points = 3.0

@test_case(name="test_worked_example_wyndor", points=None, hidden=False)
def test_worked_example_wyndor(lp_dual, dual_by_complementary_slackness):
    from mlmathkit_checks import guarded as _guarded
    lp_dual = _guarded(lp_dual, 'lp_dual', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close, fields
    c, A, b = (np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([4.0, 12.0, 18.0]))
    y = dual_by_complementary_slackness(c, A, b, np.array([2.0, 6.0]))
    close(y, [0.0, 1.5, 1.0], name='shadow prices of the Wyndor problem', hint='zero for the inactive constraint; solve (A^T y)_j = -c_j over the active ones')
    c_d, A_d, b_d = fields(lp_dual(c, A, b), ['c_dual', 'A_dual', 'b_dual'], 'dual LP')
    close(c_d, b, name='c_dual')
    close(A_d, -A.T, name='A_dual', hint='the dual constraint is A^T y + c >= 0, i.e. (-A^T) y <= c')
    close(b_d, c, name='b_dual')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(lp_dual, dual_by_complementary_slackness):
    from mlmathkit_checks import guarded as _guarded
    lp_dual = _guarded(lp_dual, 'lp_dual', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(5)
    c, A, b = (-rng.uniform(1, 2, size=3), rng.uniform(0.5, 2, size=(4, 3)), rng.uniform(5, 10, size=4))
    twice = fields(lp_dual(*fields(lp_dual(c, A, b), ['c_dual', 'A_dual', 'b_dual'], 'dual LP')), ['c', 'A', 'b'], 'dual of the dual')
    for got, want, name in zip(twice, (c, A, b), ('c', 'A', 'b')):
        close(got, want, name=f'{name} of the dual of the dual', hint='the dual of the dual LP is the primal')
    y = as_array(dual_by_complementary_slackness(np.array([1.0, 2.0, 0.5]), A, b, np.zeros(3)), 'y', shape=(4,))
    close(y, np.zeros(4), name='shadow prices when x = 0 is optimal and no capacity binds')

@test_case(name="test_dual_lp_with_linprog", points=None, hidden=True)
def test_dual_lp_with_linprog(lp_dual):
    """Strong duality: the dual LP of random problems has the primal's optimal value."""
    from mlmathkit_checks import guarded as _guarded
    lp_dual = _guarded(lp_dual, 'lp_dual', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_array, close, fields, require
    rng = np.random.default_rng(701)
    for m, n in [(3, 2), (4, 3), (6, 4), (2, 5)]:
        A, b, c = (rng.uniform(0.5, 2.0, size=(m, n)), rng.uniform(5, 10, size=m), -rng.uniform(1, 3, size=n))
        primal = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method='highs')
        c_d, A_d, b_d = (as_array(v, k) for v, k in zip(fields(lp_dual(c, A, b), ['c_dual', 'A_dual', 'b_dual'], 'dual LP'), ['c_dual', 'A_dual', 'b_dual']))
        dual = linprog(c_d, A_ub=A_d, b_ub=b_d, bounds=(0, None), method='highs')
        require(dual.status == 0, f'linprog finds no optimum for your dual LP (m={m}, n={n}): {dual.message}')
        close(-dual.fun, primal.fun, name=f'minus the optimal value of your dual (m={m}, n={n})', hint='strong duality: the dual in min form has optimal value -p*')
        close(dual.x, -primal.ineqlin.marginals, atol=1e-09, name=f'solution of your dual (m={m}, n={n})')

@test_case(name="test_shadow_prices_against_linprog_marginals", points=None, hidden=True)
def test_shadow_prices_against_linprog_marginals(dual_by_complementary_slackness):
    """Shadow prices at non-degenerate optimal vertices of random LPs."""
    from mlmathkit_checks import guarded as _guarded
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import close
    rng = np.random.default_rng(702)
    done = 0
    while done < 8:
        m, n = (int(rng.integers(2, 7)), int(rng.integers(2, 6)))
        A, b, c = (rng.uniform(0.2, 2.0, size=(m, n)), rng.uniform(5, 10, size=m), -rng.uniform(0.5, 3, size=n))
        res = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method='highs')
        y = -res.ineqlin.marginals
        n_tight = int(np.sum(res.ineqlin.residual < 1e-09) + np.sum(res.x < 1e-09))
        if n_tight != n or np.any((res.ineqlin.residual < 1e-09) & (y < 1e-09)):
            continue
        close(dual_by_complementary_slackness(c, A, b, res.x), y, atol=1e-09, name=f'shadow prices (m={m}, n={n})', hint='y_i = 0 for constraints with slack; (A^T y)_j = -c_j for every j with x_j > 0')
        done += 1

@test_case(name="test_degenerate_vertex", points=None, hidden=True)
def test_degenerate_vertex(dual_by_complementary_slackness):
    """A degenerate vertex where a constraint is duplicated."""
    from mlmathkit_checks import guarded as _guarded
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_array, close, require
    c, A, b = (np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0], [0.0, 1.0]]), np.array([4.0, 12.0, 18.0, 6.0]))
    x = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method='highs').x
    y = as_array(dual_by_complementary_slackness(c, A, b, x), 'y', shape=(4,))
    require(bool(np.all(y >= -1e-09)), f'shadow prices must be non-negative, got {y}')
    require(bool(np.all(A.T @ y + c >= -1e-09)), 'the dual constraints A^T y + c >= 0 are violated')
    close(c @ x + b @ y, 0.0, atol=1e-09, name='duality gap c^T x + b^T y', hint='use the equations of the positive x_j only')
    close(y[0], 0.0, name='shadow price of the inactive constraint')

@test_case(name="test_exact_vertex_with_zero_tolerance", points=None, hidden=True)
def test_exact_vertex_with_zero_tolerance(dual_by_complementary_slackness):
    """Exact data with tol = 0 and a variable that is zero at the optimum."""
    from mlmathkit_checks import guarded as _guarded
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import close
    c, A, b = (np.array([-3.0, -5.0, -1.0]), np.array([[1.0, 0.0, 1.0], [0.0, 2.0, 1.0], [3.0, 2.0, 1.0]]), np.array([4.0, 12.0, 18.0]))
    res = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method='highs')
    close(dual_by_complementary_slackness(c, A, b, np.array([2.0, 6.0, 0.0]), 0.0), -res.ineqlin.marginals, name='shadow prices with tol = 0', hint='active: slack <= tol; positive: x_j > tol (strictly)')

@test_case(name="test_degenerate_vertex_minimum_norm", points=None, hidden=True)
def test_degenerate_vertex_minimum_norm(dual_by_complementary_slackness):
    """A degenerate vertex where three constraints meet in the plane: the minimum-norm solution of the equations."""
    from mlmathkit_checks import guarded as _guarded
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import as_array, close
    c, A, b = (np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([2.0, 12.0, 18.0]))
    x = np.array([2.0, 6.0])
    M = A.T
    expected = M.T @ solve(M @ M.T, -c)
    y = as_array(dual_by_complementary_slackness(c, A, b, x), 'y', shape=(3,))
    close(A.T @ y, -c, name='A^T y at a degenerate vertex', hint='(A^T y)_j = -c_j for every j with x_j > tol')
    close(c @ x + b @ y, 0.0, atol=1e-09, name='duality gap c^T x + b^T y at a degenerate vertex')
    close(y, expected, name='shadow prices at a degenerate vertex', hint="more active constraints than equations: return np.linalg.lstsq's minimum-norm solution")

@test_case(name="test_no_positive_variable", points=None, hidden=True)
def test_no_positive_variable(dual_by_complementary_slackness):
    """x = 0 is optimal while some constraints are active: there are no equations, so every shadow price is 0."""
    from mlmathkit_checks import guarded as _guarded
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, require
    c, A, b = (np.array([1.0, 2.0]), np.array([[1.0, 1.0], [1.0, -1.0], [2.0, 1.0]]), np.array([0.0, 3.0, 0.0]))
    x = np.zeros(2)
    copies = [v.copy() for v in (c, A, b, x)]
    y = as_array(dual_by_complementary_slackness(c, A, b, x), 'y', shape=(3,))
    close(y, np.zeros(3), name='shadow prices when no x_j is positive', hint='with no positive x_j there are no equations (A^T y)_j = -c_j: y = 0')
    require(all((bool(np.array_equal(v, w)) for v, w in zip((c, A, b, x), copies))), 'dual_by_complementary_slackness changed one of its inputs')

