"""Factories of every app, re-exported so tests import from one place."""

from .akteure import *  # noqa: F403
from .bedarfe import *  # noqa: F403
from .berichte import *  # noqa: F403
from .oeffentlichkeit import *  # noqa: F403
from .projekte import *  # noqa: F403
from .quartiere import *  # noqa: F403
