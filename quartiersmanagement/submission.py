"""One-time submission tokens: a form sent twice (double click, network retry, back button,
five impatient clicks) creates one record, books money once and sends one mail.

Each guarded form renders `{% submission_token %}` (tag library `qm`): a hidden random token.
The view carries `@submit_once` below its permission decorator. On a POST the decorator opens
one transaction, inserts the token (unique) and runs the view inside it:

- the view redirects (success): the redirect target is stored with the token and committed
  together with the record; mails queued with `transaction.on_commit` go out once;
- the view answers otherwise (form errors): the token row is removed again, so the corrected
  form can be sent with the same token;
- the token exists already: a repeat. Nothing runs; the user is sent where the first
  submission went. A concurrent repeat waits on the unique index until the first commits
  (or rolls back – then it is the first).

A POST without a token (an old page, a script) is processed without this protection. The
token is no secret and no credential: it only tells repeats apart; abuse is the rate limits'
job. Old tokens are removed by `dsgvo_bereinigen` (see `tokens_entfernen`).
"""

import datetime
import re
import secrets
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmissionToken

FIELD = "submission_token"
#: How long a token answers repeats; a repeat after a day is a new submission.
LIFETIME = datetime.timedelta(days=1)
_VALID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _token(request) -> str | None:
    token = request.POST.get(FIELD, "")
    return token if _VALID.match(token) else None


def submit_once(view):
    """Run a POST of `view` at most once per submission token (see the module docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _token(request) if request.method == "POST" else None
        if token is None:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    eintrag = SubmissionToken.objects.create(token=token)
            except IntegrityError:
                eintrag = SubmissionToken.objects.filter(token=token).only("url").first()
                return _repeat(request, eintrag)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseRedirect):
                eintrag.url = response["Location"][:500]
                eintrag.save(update_fields=["url"])
            else:
                eintrag.delete()
            return response

    return wrapper


def _repeat(request, eintrag):
    """Where the first submission went; staff get a note why they see it again."""
    if request.user.is_authenticated:
        messages.info(request, _("Das Formular war schon abgeschickt; hier ist das Ergebnis."))
    if eintrag is None or not eintrag.url:  # removed meanwhile by the clean-up
        return redirect(request.get_full_path())
    return HttpResponseRedirect(eintrag.url)


def tokens_entfernen(stichtag: datetime.date, anwenden: bool) -> list[str]:
    """Clean-up registered with `dsgvo_bereinigen`: tokens older than LIFETIME go."""
    alt = SubmissionToken.objects.filter(erstellt__lt=timezone.now() - LIFETIME)
    anzahl = alt.delete()[0] if anwenden else alt.count()
    if not anzahl:
        return []
    return [_("%(anzahl)d abgelaufene Einmal-Tokens von Formularen") % {"anzahl": anzahl}]
