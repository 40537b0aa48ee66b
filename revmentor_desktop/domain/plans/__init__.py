"""Session plans: a library of plans for one meeting each (``library``: the built-in ones,
``catalogue``: merged with the coordinator's changes), and each pair's plan (``pair_plans``)."""
