"""The Programme view: whether the programme works, as charts over the programme figures.

Only ``programme_view`` is imported by the window, and only when the view is first shown; the
chart library (pyqtgraph, with NumPy) is imported by ``plot`` alone, so start-up never pays it.
"""
