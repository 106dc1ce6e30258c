"""How a view declares its permission: one decorator for every staff view.

The permissions themselves are django-rules predicates in each app's `rules.py`; the quartier
rule behind them is `quartiere.zugriff`. Django's model permissions (per user and group) serve
the admin only (`AdminModelBackend`).
"""

import inspect
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied


class AdminModelBackend(ModelBackend):
    """Django's model permissions for accounts that may use the admin (staff, superusers);
    none for everybody else, whose rights are the rules predicates alone.

    Why: Django asks every backend until one says yes. When a rule said no (the Leitung's lists
    ask whether it may create a record), the plain ModelBackend read the account's user and
    group permissions, two queries per request, for tables that only the admin fills. And a
    model permission granted in the admin ("add need") would have opened an app page that its
    rule closes."""

    def get_user_permissions(self, user_obj, obj=None):
        return super().get_user_permissions(user_obj, obj) if _admin(user_obj) else set()

    def get_group_permissions(self, user_obj, obj=None):
        return super().get_group_permissions(user_obj, obj) if _admin(user_obj) else set()


def _admin(user) -> bool:
    return user.is_staff or user.is_superuser


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
