"""Mitmachen: the online application to the Stadtteilfonds and the accessibility feedback,
the only public forms (rate-limited per client)."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.http import client_ip
from quartiersmanagement.submission import submit_once

from .. import selectors, services
from ..forms import OnlineAntragForm, RueckmeldungForm
from ..models import Seite


def _im_limit(request, form, formular: str) -> bool:
    """Count this submission (valid or not) against the address's hourly limit; past it the
    form shows the limit's message and nothing is processed."""
    if services.formularversuch_zaehlen(formular=formular, ip=client_ip(request)):
        return True
    form.is_valid()
    form.add_error(None, services.LIMIT_MELDUNG)
    return False


@login_not_required
@submit_once
def antrag(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    fonds = services.aktueller_fonds(q)
    form = OnlineAntragForm(request.POST or None)
    if request.method == "POST" and fonds is not None and _im_limit(request, form, "antrag"):
        if form.ist_spam():
            # A bot sees what a person sees; nothing is stored or mailed.
            request.session["antrag_referenz"] = services.scheinreferenz()
            return redirect("oeffentlichkeit:antrag_danke", slug=q.slug)
        if form.is_valid():
            daten = {k: v for k, v in form.cleaned_data.items() if k != "webseite"}
            try:
                neu = services.online_antrag_stellen(quartier=q, **daten)
            except ValidationError as e:
                add_form_errors(form, e)
            else:
                request.session["antrag_referenz"] = neu.referenz
                return redirect("oeffentlichkeit:antrag_danke", slug=q.slug)
    return render(
        request,
        "oeffentlichkeit/antrag.html",
        {"quartier": q, "fonds": fonds, "form": form},
    )


@login_not_required
@require_safe
def antrag_danke(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/antrag_danke.html",
        {"quartier": q, "referenz": request.session.get("antrag_referenz", "")},
    )


@login_not_required
def barrierefreiheit(request):
    """The accessibility statement with its feedback form (stored and mailed to the QM)."""
    form = RueckmeldungForm(request.POST or None, quartiere=selectors.oeffentliche_quartiere())
    if request.method == "POST" and _im_limit(request, form, "rueckmeldung"):
        if form.ist_spam():
            return redirect(reverse("oeffentlichkeit:barrierefreiheit") + "?gesendet=1")
        if form.is_valid():
            daten = {k: v for k, v in form.cleaned_data.items() if k != "webseite"}
            try:
                services.rueckmeldung_speichern(**daten)
            except ValidationError as e:
                add_form_errors(form, e)
            else:
                return redirect(reverse("oeffentlichkeit:barrierefreiheit") + "?gesendet=1")
    art = Seite.Art.BARRIEREFREIHEIT
    return render(
        request,
        "oeffentlichkeit/barrierefreiheit.html",
        {
            "art": art,
            "titel": art.label,
            "seite": selectors.seite(art),
            "form": form,
            "gesendet": request.GET.get("gesendet") == "1",
        },
    )
