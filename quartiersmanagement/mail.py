"""E-mails from templates `templates/emails/<template>.subject|.txt|.html`.

The .txt and .subject templates wrap their content in `{% autoescape off %}`; the .html one
is optional and escapes as usual. `send_mail` never talks to a mail server: the configured
EMAIL_BACKEND is the database outbox (django-mailer), a worker delivers it with retries
(docs/betrieb.md), so an SMTP outage neither loses a mail nor breaks a save.

Links in mails start with `site_url()`: the configured SITE_URL, and in development (DEBUG)
the host and port the request actually came in on, so a link from `runserver 0.0.0.0:8001`
works without editing .env.
"""

import contextlib
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

_request_site_url: ContextVar[str | None] = ContextVar("request_site_url", default=None)


def site_url() -> str:
    """The address links in mails start with (no trailing slash)."""
    return _request_site_url.get() or settings.SITE_URL


class DevelopmentSiteUrlMiddleware:
    """DEBUG only (settings add it then): links in mails follow the server's host and port."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DEBUG:  # tests run with DEBUG off: mails as in production
            return self.get_response(request)
        marke = _request_site_url.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return self.get_response(request)
        finally:
            _request_site_url.reset(marke)


def send_mail(
    *,
    template: str,
    to: list[str],
    context: dict,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    reply_to: list[str] | None = None,
) -> None:
    """Send one e-mail; `attachments` are (file name, content, MIME type) triples."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"emails/{template}.subject", context).split())
    text = render_to_string(f"emails/{template}.txt", context)
    mail = EmailMultiAlternatives(subject=subject, body=text, to=to, reply_to=reply_to or None)
    with contextlib.suppress(TemplateDoesNotExist):
        mail.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    for name, content, mime in attachments:
        mail.attach(name, content, mime)
    mail.send()
