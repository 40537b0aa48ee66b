"""Session plans: a library of plans for one meeting each (``session_plan``: what a plan is;
``builtin``: the built-in ones, listed by ``library``; ``catalogue``: merged with the
coordinator's changes), and each pair's plan (``pair_plans``)."""
