from otter.test_files import test_case

OK_FORMAT = False

name = "q1_entropy"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(entropy, conditional_entropy):
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    p = np.array([0.5, 0.25, 0.25])
    close(as_scalar(entropy(p), 'entropy'), 1.5, name='H([1/2, 1/4, 1/4]) in bits', hint='-sum p log2 p; the default base is 2')
    close(as_scalar(entropy(p, base=np.e), 'entropy'), 1.5 * np.log(2.0), name='H([1/2, 1/4, 1/4]) in nats', hint='log_b t = ln t / ln b: use the base you are given')
    close(as_scalar(entropy(np.array([0.5, 0.5, 0.0])), 'entropy'), 1.0, name='H([1/2, 1/2, 0]) in bits', hint='0 log 0 = 0: leave zero probabilities out (np.log(0) is -inf and 0 * -inf is nan)')
    pxy = np.array([[0.25, 0.25], [0.5, 0.0]])
    close(as_scalar(entropy(pxy), 'joint entropy'), 1.5, name='joint entropy H(X, Y) of [[1/4, 1/4], [1/2, 0]]', hint='a joint table is one distribution over all of its cells')
    close(as_scalar(conditional_entropy(pxy), 'conditional entropy'), 0.5, name='H(Y | X) of [[1/4, 1/4], [1/2, 0]]', hint='rows are x: H(Y|X) = sum_x p(x) H(Y | X = x), or H(X, Y) - H(X)')
    close(as_scalar(conditional_entropy(pxy, base=np.e), 'conditional entropy'), 0.5 * np.log(2.0), name='H(Y | X) of [[1/4, 1/4], [1/2, 0]] in nats', hint='pass `base` on to every entropy you compute')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(entropy, conditional_entropy):
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(1)
    for K in (1, 2, 5, 64):
        close(as_scalar(entropy(np.full(K, 1.0 / K)), 'entropy'), np.log2(K), atol=1e-10, name=f'entropy of the uniform distribution on {K} outcomes', hint='should be log2(K) bits')
    p = rng.dirichlet(np.ones(6))
    H = as_scalar(entropy(p), 'entropy')
    close(as_scalar(entropy(p[::-1]), 'entropy'), H, name='entropy after reordering the outcomes')
    require(bool(0.0 <= H <= np.log2(6)), f'entropy must lie in [0, log2 K]; got {H:.6g} bits for K = 6')
    pxy = rng.dirichlet(np.ones(12)).reshape(3, 4)
    px, py = (pxy.sum(axis=1), pxy.sum(axis=0))
    h_cond = as_scalar(conditional_entropy(pxy), 'conditional entropy')
    close(as_scalar(entropy(pxy), 'joint entropy'), as_scalar(entropy(px), 'H(X)') + h_cond, name='chain rule H(X, Y) = H(X) + H(Y | X)', hint='rows index x, columns index y')
    require(bool(h_cond <= as_scalar(entropy(py), 'H(Y)') + 1e-12), 'conditioning cannot increase entropy: H(Y|X) <= H(Y)')
    close(as_scalar(conditional_entropy(np.outer(px, py)), 'conditional entropy'), as_scalar(entropy(py), 'H(Y)'), name='H(Y | X) for independent X and Y', hint='when p(x, y) = p(x) p(y), knowing x tells nothing about y')
    deterministic = np.zeros((3, 4))
    deterministic[[0, 1, 2], [2, 0, 2]] = px
    close(as_scalar(conditional_entropy(deterministic), 'conditional entropy'), 0.0, atol=1e-12, name='H(Y | X) when Y is a function of X')

@test_case(name="test_entropy_against_scipy", points=None, hidden=True)
def test_entropy_against_scipy(entropy):
    """Random distributions with some impossible outcomes, from 2 to 1000 outcomes and as 2-D and 3-D tables, in bases 2, e and 10."""
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4101)
    for K in (2, 3, 7, 30, 1000):
        for base in (2.0, np.e, 10.0):
            p = rng.dirichlet(np.full(K, 0.5))
            p[rng.random(K) < 0.3] = 0.0
            p[0] += 1.0 - p.sum()
            close(as_scalar(entropy(p, base=base), 'entropy'), scipy_entropy(p, base=base), name=f'entropy (K={K}, base={base:.4g})', hint='divide the natural-log entropy by ln(base); skip zero probabilities')
    pxy = rng.dirichlet(np.ones(20)).reshape(4, 5)
    close(as_scalar(entropy(pxy, base=2.0), 'entropy'), scipy_entropy(pxy.ravel(), base=2.0), name='entropy of a 4 x 5 joint table', hint='sum over every cell of the table')
    pxyz = rng.dirichlet(np.full(24, 0.5)).reshape(2, 3, 4)
    pxyz[1, 2] = 0.0
    pxyz /= pxyz.sum()
    close(as_scalar(entropy(pxyz, base=10.0), 'entropy'), scipy_entropy(pxyz.ravel(), base=10.0), name='entropy of a 2 x 3 x 4 joint table (base 10)', hint='an array of any shape is one distribution over its cells')

@test_case(name="test_conditional_against_scipy", points=None, hidden=True)
def test_conditional_against_scipy(conditional_entropy):
    """Random joint tables, square and non-square, with empty cells and an x that never occurs, in bits and nats."""
    from mlmathkit_checks import guarded as _guarded
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4102)
    for A, B in [(2, 2), (3, 5), (6, 2), (1, 4), (8, 8)]:
        for base in (2.0, np.e):
            pxy = rng.dirichlet(np.full(A * B, 0.7)).reshape(A, B)
            pxy[rng.random((A, B)) < 0.25] = 0.0
            if A > 2:
                pxy[1] = 0.0
            pxy /= pxy.sum()
            px = pxy.sum(axis=1)
            expected = sum((px[x] * scipy_entropy(pxy[x] / px[x], base=base) for x in range(A) if px[x] > 0))
            close(as_scalar(conditional_entropy(pxy, base=base), 'conditional entropy'), expected, atol=1e-10, name=f'H(Y | X) of a {A} x {B} table (base {base:.4g})', hint='weight H(Y | X = x) by p(x); rows index x; rows with p(x) = 0 contribute nothing')

@test_case(name="test_hard_cases", points=None, hidden=True)
def test_hard_cases(entropy, conditional_entropy):
    """A certain outcome, probabilities as small as 1e-300, 100 000 outcomes, and Y almost a function of X."""
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(entropy(np.array([0.0, 1.0, 0.0, 0.0]), base=np.e), 'entropy'), 0.0, atol=1e-12, name='entropy of a certain outcome', hint='0 log 0 = 0 and 1 log 1 = 0')
    p = np.array([0.5, 0.5 - 3e-300, 1e-300, 2e-300, 5e-324, 0.0])
    close(as_scalar(entropy(p), 'entropy'), scipy_entropy(p, base=2), name='entropy with probabilities 1e-300 and 5e-324')
    rng = np.random.default_rng(4103)
    p = rng.uniform(0.5, 1.5, size=100000)
    p /= p.sum()
    close(as_scalar(entropy(p), 'entropy'), scipy_entropy(p, base=2), name='entropy of 100 000 outcomes')
    pxy = np.diag(np.full(8, 1.0 / 8))
    pxy[:, 0] += 1e-11
    pxy /= pxy.sum()
    px = pxy.sum(axis=1)
    expected = sum((px[x] * scipy_entropy(pxy[x] / px[x], base=2) for x in range(8)))
    close(as_scalar(conditional_entropy(pxy), 'conditional entropy'), expected, atol=1e-05, name='H(Y | X) when Y is almost a function of X')

@test_case(name="test_entropy_million_outcomes", points=None, hidden=True)
def test_entropy_million_outcomes(entropy):
    """A million near-uniform outcomes, where every probability is about 1e-6."""
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4104)
    p = rng.uniform(0.5, 1.5, size=1000000)
    p /= p.sum()
    for base in (2.0, np.e):
        close(as_scalar(entropy(p, base=base), 'entropy'), scipy_entropy(p, base=base), rtol=1e-05, name=f'entropy of a million outcomes (base {base:.4g})', hint='no epsilon inside the log: select the positive entries instead')

@test_case(name="test_conditional_other_bases_and_empty_columns", points=None, hidden=True)
def test_conditional_other_bases_and_empty_columns(conditional_entropy):
    """Non-square joint tables with an all-zero column and an all-zero row, in bases 3, 10 and e."""
    from mlmathkit_checks import guarded as _guarded
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4105)
    for A, B, base in [(3, 7, 10.0), (7, 3, 3.0), (4, 12, np.e), (2, 5, 10.0)]:
        pxy = rng.dirichlet(np.full(A * B, 0.6)).reshape(A, B)
        pxy[:, 1] = 0.0
        if A > 2:
            pxy[A - 1] = 0.0
        pxy /= pxy.sum()
        px = pxy.sum(axis=1)
        expected = sum((px[x] * scipy_entropy(pxy[x] / px[x], base=base) for x in range(A) if px[x] > 0))
        close(as_scalar(conditional_entropy(pxy, base=base), 'conditional entropy'), expected, atol=1e-10, name=f'H(Y | X) of a {A} x {B} table in base {base:.4g}', hint='pass `base` on to every entropy you compute; rows index x')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(entropy, conditional_entropy):
    """Your functions leave the caller's probability arrays unchanged."""
    from mlmathkit_checks import guarded as _guarded
    entropy = _guarded(entropy, 'entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    conditional_entropy = _guarded(conditional_entropy, 'conditional_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4106)
    p = rng.dirichlet(np.ones(9))
    p[3] = 0.0
    p /= p.sum()
    pxy = rng.dirichlet(np.ones(12)).reshape(3, 4)
    pxy[0, 2] = 0.0
    pxy /= pxy.sum()
    p_copy, pxy_copy = (p.copy(), pxy.copy())
    as_scalar(entropy(p, base=np.e), 'entropy')
    close(p, p_copy, rtol=0.0, atol=0.0, name='the array p after calling entropy(p)', hint='do not modify your input in place; work on a copy')
    as_scalar(entropy(pxy), 'entropy')
    as_scalar(conditional_entropy(pxy, base=np.e), 'conditional entropy')
    close(pxy, pxy_copy, rtol=0.0, atol=0.0, name='the table pxy after calling entropy and conditional_entropy', hint='do not modify your input in place (e.g. pxy /= ...); work on a copy')

