"""The "Heute" page, its read marks and mail setting, the search, the development outbox."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from mailer.models import Message, MessageLog

from quartiersmanagement.permissions import permission

from . import selectors, services, suche
from .forms import BenachrichtigungForm, GelesenForm
from .models import Benachrichtigung


def _einstellung(user) -> Benachrichtigung:
    return Benachrichtigung.objects.filter(benutzer=user).first() or Benachrichtigung(benutzer=user)


@require_GET
@permission("arbeitsplatz.heute_sehen")
def heute(request):
    eintraege = selectors.eintraege_fuer(request.user)
    return render(
        request,
        "arbeitsplatz/heute.html",
        {
            "eintraege": eintraege,
            "form": BenachrichtigungForm(instance=_einstellung(request.user)),
        },
    )


@require_GET
@permission("arbeitsplatz.heute_sehen")
def heute_anzahl(request):
    """The count next to "Heute" in the navigation, fetched after the page has loaded."""
    return JsonResponse({"anzahl": len(selectors.eintraege_fuer(request.user))})


@require_POST
@permission("arbeitsplatz.heute_sehen")
def gelesen(request):
    form = GelesenForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unbekannter Eintrag."))
    services.eintrag_gelesen(benutzer=request.user, **form.cleaned_data)
    messages.success(request, _("Als gelesen/erledigt markiert."))
    return redirect("arbeitsplatz:heute")


@require_POST
@permission("arbeitsplatz.heute_sehen")
def benachrichtigung(request):
    form = BenachrichtigungForm(request.POST, instance=_einstellung(request.user))
    if form.is_valid():
        services.benachrichtigung_setzen(
            benutzer=request.user, zustellung=form.cleaned_data["zustellung"]
        )
        messages.success(request, _("Einstellung gespeichert."))
    else:
        messages.error(request, _("Bitte eine der angebotenen Einstellungen wählen."))
    return redirect("arbeitsplatz:heute")


@require_GET
@permission("arbeitsplatz.heute_sehen")
def suchen(request):
    text = request.GET.get("q", "")[:200]
    gruppen = suche.suchen(request.user, text)
    return render(
        request,
        "arbeitsplatz/suche.html",
        {"q": text, "gruppen": gruppen, "zu_kurz": 0 < len(text.strip()) < suche.MIN_LAENGE},
    )


@require_GET
@permission("arbeitsplatz.postausgang_sehen")
def postausgang(request):
    """Development only (DEBUG): the mails in the outbox and the last ones delivered."""
    if not settings.DEBUG:
        raise PermissionDenied
    return render(
        request,
        "arbeitsplatz/postausgang.html",
        {
            "wartend": list(Message.objects.order_by("-when_added")[:50]),
            "zugestellt": list(MessageLog.objects.order_by("-when_attempted")[:50]),
        },
    )
