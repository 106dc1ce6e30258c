"""How a view declares its permission: one decorator for every staff view.

The permissions themselves are django-rules predicates in each app's `rules.py`; the quartier
rule behind them is `quartiere.zugriff`.
"""

import inspect
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied


def permission(perm: str, *, obj: Callable | None = None, methods: tuple[str, ...] | None = None):
    """The one way a view declares its permission (never a check inside the view body).

    Without `obj`: 403 unless the user holds `perm` (a "create" permission such as
    `bedarfe.add_bedarf`). With `obj(request, <URL kwargs>)`: the record comes from a
    selector limited to the user's quartiers (404 outside them), 403 unless the user holds
    `perm` on it, and the view is called as `view(request, record, <other URL kwargs>)`: the
    URL kwargs that `obj` names are used up by it, the rest go on to the view.

    With `methods` (e.g. `("POST",)`) only those requests need `perm`; the others still get
    the record from `obj`, so whoever may read it sees the page (a report's texts, read-only
    for Leitung) and the template decides with `{% has_perm %}` whether to offer the form.
    """
    consumed = set(inspect.signature(obj).parameters) - {"request"} if obj else set()

    def decorator(view):
        @wraps(view)
        def protected(request, **kwargs):
            if obj is None:
                if not request.user.has_perm(perm):
                    raise PermissionDenied
                return view(request, **kwargs)
            record = obj(request, **{k: v for k, v in kwargs.items() if k in consumed})
            checked = methods is None or request.method in methods
            if checked and not request.user.has_perm(perm, record):
                raise PermissionDenied
            rest = {k: v for k, v in kwargs.items() if k not in consumed}
            return view(request, record, **rest)

        return protected

    return decorator
