"""The built-in session plans, written for this app: one meeting each, ready to print.

Plain data, no queries, one module per family of plans; ``library`` lists them in order.

The words follow three rules. The senior partner is never made to feel judged: a gap in what
they know is the reason for the programme, not a failing. Practice happens on test accounts
and made-up data: nobody shares a password, a private message or a customer's data to learn.
And each partner leaves with one small, concrete thing to try.
"""
