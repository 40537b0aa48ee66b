"""The application services: the one place both the window and the command line call to open,
check, back up, restore and close a data source, and to do the file work around the domain.

No Qt here (the window adapts these to signals), and no dialect SQL (that is storage's). The
domain below takes an open database, never a file path: paths stop at this layer.
"""
