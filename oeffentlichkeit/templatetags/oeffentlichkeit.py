"""Safe limited markup for public texts: everything is escaped; we only add paragraphs,
line breaks and links to http(s) addresses ourselves. No raw HTML from users ever passes."""

import json
import re

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import _json_script_escapes, escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

register = template.Library()


_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def _mit_links(text: str) -> str:
    teile, pos = [], 0
    for treffer in _LINK.finditer(text):
        teile.append(escape(text[pos : treffer.start()]))
        adresse = treffer.group(0)
        teile.append(format_html('<a href="{}" rel="nofollow noopener">{}</a>', adresse, adresse))
        pos = treffer.end()
    teile.append(escape(text[pos:]))
    return format_html_join("", "{}", ((teil,) for teil in teile))


@register.filter
def absaetze(text) -> str:
    """Blank lines -> <p>, single newlines -> <br>, http(s) addresses -> links; rest escaped."""
    bloecke = re.split(r"\n\s*\n", normalize_newlines(str(text or "")).strip())
    return format_html_join(
        "\n",
        "<p>{}</p>",
        ((linebreaksbr(_mit_links(b)),) for b in bloecke if b.strip()),
    )


@register.filter
def json_ld(daten) -> str:
    """A schema.org block as a non-executed data script (allowed by the CSP: it never runs).
    <, > and & are escaped like json_script does, so text cannot close the script element."""
    roh = json.dumps(daten, ensure_ascii=False, default=str).translate(_json_script_escapes)
    # Safe: the JSON is escaped exactly like Django's json_script (<, >, & as \\uXXXX).
    return mark_safe(f'<script type="application/ld+json">{roh}</script>')  # noqa: S308 # nosec B308 B703
