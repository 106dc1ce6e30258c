"""Request and response rules that hold for every page (OWASP ASVS 4, level 2).

- The client's address: behind the documented reverse proxy every request comes from the
  proxy, so `X-Forwarded-For` is read, but only when the direct peer is a configured trusted
  proxy (`TRUSTED_PROXIES`); a header sent by anybody else is ignored. Login lockout (axes) and
  every rate limit use `client_ip`.
- The health check answers before sessions and the second factor are looked at, so a monitor
  that carries a session cookie still gets the documented 503 JSON while the database is down.
- A NUL byte in the path or a query parameter is rejected with 400 (PostgreSQL refuses it in
  text and would turn it into a 500).
- Authenticated responses are never stored by browsers or proxies (`no-store, private`), also
  exports and public pages a signed-in user views.
- Sessions end at the latest `SESSION_HOECHSTDAUER_STUNDEN` after sign-in, however active.
"""

import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

SIGNED_IN_AT = "angemeldet_um"
#: When the session's idle timeout was last renewed (`_renew_idle_timeout`), and how often.
RENEWED_AT = "erneuert_um"
RENEW_EVERY_SECONDS = 60
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


@lru_cache(maxsize=1)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The client's address: the right-most address in `X-Forwarded-For` that is not a trusted
    proxy, when the direct peer is one; else the direct peer (`REMOTE_ADDR`)."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(peer):
        return peer
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _is_trusted(address):
            return address
    return peer


def mark_sign_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: the start of the absolute session lifetime, and the first
    renewal of the idle timeout (the new session is saved with the response)."""
    jetzt = int(time.time())
    request.session[SIGNED_IN_AT] = jetzt
    request.session[RENEWED_AT] = jetzt


class HealthCheckMiddleware:
    """Answers `/healthz/` first in the chain (no session, no user, no second factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz/":
            from .views import healthz

            return healthz(request)
        return self.get_response(request)


class RequestRulesMiddleware:
    """Rejects NUL bytes; marks every response with the Permissions-Policy and every
    authenticated response as not storable; ends sessions past their absolute lifetime and
    renews the idle timeout of the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(_("Ungültige Zeichen in der Anfrage."))
        if self._session_expired(request):
            logout(request)
            return redirect_to_login(request.get_full_path())
        self._renew_idle_timeout(request)
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _renew_idle_timeout(request) -> None:
        """Move a signed-in session's end (SESSION_COOKIE_AGE after its last save) forward,
        at most once every RENEW_EVERY_SECONDS: Django's SESSION_SAVE_EVERY_REQUEST wrote and
        committed the session row on every page view, a database write for each read. The
        idle timeout ends a session between SESSION_MINUTEN minus one minute and
        SESSION_MINUTEN after the last request."""
        if not request.user.is_authenticated:
            return
        jetzt = int(time.time())
        if jetzt - request.session.get(RENEWED_AT, 0) >= RENEW_EVERY_SECONDS:
            request.session[RENEWED_AT] = jetzt

    @staticmethod
    def _session_expired(request) -> bool:
        if not request.user.is_authenticated:
            return False
        signed_in_at = request.session.get(SIGNED_IN_AT)
        if signed_in_at is None:
            request.session[SIGNED_IN_AT] = int(time.time())
            return False
        return time.time() - signed_in_at > settings.SESSION_HOECHSTDAUER_STUNDEN * 3600
