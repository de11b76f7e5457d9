"""kr_desktop: the coordinating department's desktop application (Program №1176, awards)."""

__version__ = "0.1.0"
APP_NAME = "kr_desktop"
