"""Factories of every app, re-exported so tests import from one place."""

from .projekte import *  # noqa: F403
from .quartiere import *  # noqa: F403
