"""Pages of the committees: committees and members, meetings and minutes, decisions, feeds."""

from .beschluesse import *  # noqa: F403
from .gremien import *  # noqa: F403
from .kalender import *  # noqa: F403
from .sitzungen import *  # noqa: F403
