"""Pages of the akteure app (thin: selector, permission, form, service, render)."""

from ..gremien.views import *  # noqa: F403
from .akteure import *  # noqa: F403
from .funktionen import *  # noqa: F403
from .netzwerk import *  # noqa: F403
