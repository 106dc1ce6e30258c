"""E-mails from templates `templates/emails/<vorlage>.subject|.txt|.html`.

The .txt and .subject templates wrap their content in `{% autoescape off %}`; the .html one
is optional and escapes as usual.
"""

import contextlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string


def mail_senden(
    *,
    vorlage: str,
    an: list[str],
    kontext: dict,
    anhaenge: tuple[tuple[str, bytes, str], ...] = (),
    antwort_an: list[str] | None = None,
) -> None:
    """Send one e-mail; `anhaenge` are (file name, content, MIME type) triples."""
    kontext = {"site_url": settings.SITE_URL, **kontext}
    betreff = " ".join(render_to_string(f"emails/{vorlage}.subject", kontext).split())
    text = render_to_string(f"emails/{vorlage}.txt", kontext)
    mail = EmailMultiAlternatives(subject=betreff, body=text, to=an, reply_to=antwort_an or None)
    with contextlib.suppress(TemplateDoesNotExist):
        mail.attach_alternative(render_to_string(f"emails/{vorlage}.html", kontext), "text/html")
    for name, inhalt, mime in anhaenge:
        mail.attach(name, inhalt, mime)
    mail.send()
