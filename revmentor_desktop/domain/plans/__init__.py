"""Session plans: a library of plans for one meeting each (``session_plan``: what a plan is;
``library``: the built-in ones, read from ``resources/plans/``; ``catalogue``: merged with the
coordinator's changes), and each pair's plan (``pair_plans``)."""
