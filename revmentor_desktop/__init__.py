"""RevMentor Desktop: run reverse, traditional and mutual mentoring programmes offline."""

__version__ = "0.1.0"
APP_NAME = "RevMentor"
APP_ID = "org.revmentor.RevMentor"
