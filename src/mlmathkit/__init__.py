"""mlmathkit: exercise-and-autograder course kit for the mathematical foundations of ML."""

__version__ = "0.1.0"
