"""The three tabs of the programme settings dialog, one module each: the organisation and its
documents, the agreement's wording, the matching weights.

Each tab takes the settings as loaded, says ``changed`` when a choice changes and gives its
choices back with ``applied_to``; the dialog checks the whole draft and saves it.
"""
