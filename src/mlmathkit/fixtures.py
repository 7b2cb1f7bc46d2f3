"""Public fixtures: objectives, models and data generators that exercises pass to student code by name.

Ships next to every student notebook and inside every autograder bundle as ``mlmathkit_fixtures.py``
(like ``mlmathkit_checks.py``), so it depends on numpy (and torch where noted) only. Tests call
student functions with these callables; keeping them here, not in the notebook, means every answer
stays checkable across a process boundary (only names and numbers cross it).
"""

from __future__ import annotations
