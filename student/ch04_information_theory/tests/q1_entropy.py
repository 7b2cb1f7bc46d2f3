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

