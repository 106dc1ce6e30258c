"""Pages of the akteure app (thin: selector, permission, form, service, render)."""

from .akteure import *  # noqa: F403
from .funktionen import *  # noqa: F403
from .gremien import *  # noqa: F403
