from otter.test_files import test_case

OK_FORMAT = False

name = "q3_growth_vc_bound"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(count_labelings, sauer_shelah, vc_bound):
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    vc_bound = _guarded(vc_bound, 'vc_bound', ('sklearn', 'torch.nn'))
    import math
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(sauer_shelah(5, 2), 'Phi'), 16.0, rtol=0, atol=0, name='Phi_2(5)', hint='sum C(m, i) for i = 0, 1, ..., d (d included)')
    close(as_scalar(sauer_shelah(3, 5), 'Phi'), 8.0, rtol=0, atol=0, name='Phi_5(3)', hint='when m <= d every labeling counts: 2^m')
    close(as_scalar(count_labelings(np.array([0.2, 0.5, 0.9]), 'thresholds'), 'count'), 4.0, rtol=0, atol=0, name='labelings of 3 points by thresholds')
    close(as_scalar(count_labelings(np.array([0.0, 1.0, 2.0, 3.0]), 'intervals'), 'count'), 11.0, rtol=0, atol=0, name='labelings of 4 points by intervals', hint='do not forget the all-zero labeling')
    close(as_scalar(vc_bound(1000, 3, 0.05), 'epsilon_VC'), math.sqrt(0.008 * math.log(80 * 1333335001)), rtol=1e-08, name='VC bound for n = 1000, d = 3, delta = 0.05', hint='the growth function is evaluated at 2n, not n')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(count_labelings, sauer_shelah, vc_bound):
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    vc_bound = _guarded(vc_bound, 'vc_bound', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(3)
    x = rng.normal(size=6)
    close(as_scalar(count_labelings(x, 'thresholds'), 'count'), float(sauer_shelah(6, 1)), rtol=0, atol=0, name='thresholds on 6 distinct points vs Phi_1(6)', hint='Sauer-Shelah is tight for thresholds')
    close(as_scalar(count_labelings(x, 'intervals'), 'count'), float(sauer_shelah(6, 2)), rtol=0, atol=0, name='intervals on 6 distinct points vs Phi_2(6)', hint='Sauer-Shelah is tight for intervals')
    P = rng.normal(size=(5, 2))
    c = as_scalar(count_labelings(P, 'halfspaces'), 'count')
    require(c <= float(sauer_shelah(5, 3)) and c < 2 ** 5, f'halfspaces on 5 points: {c:g} labelings, but Sauer-Shelah allows at most Phi_3(5) = {sauer_shelah(5, 3)} (< 2^5)')
    b = [as_scalar(vc_bound(n, 5, 0.05), 'epsilon_VC') for n in (100, 1000, 10 ** 4, 10 ** 5)]
    require(all((u > v for u, v in zip(b, b[1:]))), f'the VC bound must decrease with n, got {b}')
    require(as_scalar(vc_bound(1000, 10, 0.05), 'epsilon_VC') > b[1], 'a larger VC dimension must give a larger bound')
    require(as_scalar(vc_bound(1000, 5, 1e-06), 'epsilon_VC') > b[1], 'a smaller delta must give a larger bound')
    big = as_scalar(vc_bound(10 ** 9, 100, 0.05), 'epsilon_VC')
    require(0 < big < 0.01, f'n = 1e9, d = 100 should give a bound around 0.005 (Phi_100(2e9) ~ 1e770: work in log space), got {big:g}')

