"""E-mails from templates `templates/emails/<template>.subject|.txt|.html`.

The .txt and .subject templates wrap their content in `{% autoescape off %}`; the .html one
is optional and escapes as usual.
"""

import contextlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string


def send_mail(
    *,
    template: str,
    to: list[str],
    context: dict,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    reply_to: list[str] | None = None,
) -> None:
    """Send one e-mail; `attachments` are (file name, content, MIME type) triples."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{template}.subject", context).split())
    text = render_to_string(f"emails/{template}.txt", context)
    mail = EmailMultiAlternatives(subject=subject, body=text, to=to, reply_to=reply_to or None)
    with contextlib.suppress(TemplateDoesNotExist):
        mail.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    for name, content, mime in attachments:
        mail.attach(name, content, mime)
    mail.send()
