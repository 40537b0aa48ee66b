"""Outcomes: the questionnaires people answer at the start, the check-in, the close and when a
pair ends early; the forms that carry them; and the answers, however they come back."""
