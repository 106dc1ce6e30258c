"""How a view declares its permission: one decorator for every staff view.

The permissions themselves are django-rules predicates in each app's `rules.py`; the quartier
rule behind them is `quartiere.zugriff`.
"""

import inspect
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied


def berechtigung(perm: str, *, objekt: Callable | None = None):
    """The one way a view declares its permission (never a check inside the view body).

    Without `objekt`: 403 unless the user holds `perm` (a "create" permission such as
    `bedarfe.add_bedarf`). With `objekt(request, <URL kwargs>)`: the record comes from a
    selector limited to the user's quartiers (404 outside them), 403 unless the user holds
    `perm` on it, and the view is called as `view(request, record, <other URL kwargs>)`: the
    URL kwargs that `objekt` names are used up by it, the rest go on to the view.
    """
    verbraucht = set(inspect.signature(objekt).parameters) - {"request"} if objekt else set()

    def decorator(view):
        @wraps(view)
        def geschuetzt(request, **kwargs):
            if objekt is None:
                if not request.user.has_perm(perm):
                    raise PermissionDenied
                return view(request, **kwargs)
            datensatz = objekt(request, **{k: v for k, v in kwargs.items() if k in verbraucht})
            if not request.user.has_perm(perm, datensatz):
                raise PermissionDenied
            rest = {k: v for k, v in kwargs.items() if k not in verbraucht}
            return view(request, datensatz, **rest)

        return geschuetzt

    return decorator
