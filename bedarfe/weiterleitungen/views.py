"""Pages of the forwards: forward a need, the open forwards, follow-up actions of the
Quartiersmanagement (withdraw, extend, remind, re-route), and the addressee's answer link.
Thin: selector (404 outside the user's quartiers), permission (403 for read-only roles),
form, service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.lists import FilteredListView
from quartiersmanagement.permissions import permission
from quartiersmanagement.submission import submit_once

from ..filters import WeiterleitungFilter
from ..views import bedarf_bearbeitbar
from . import forms, nachhalten, selectors, services
from .models import Weiterleitung

#: A forward of the user's quartiers (404 otherwise), editable only by its Quartiersmanagement.
weiterleitung_bearbeitbar = permission(
    "bedarfe.change_weiterleitung",
    obj=lambda request, pk: selectors.weiterleitung_fuer(request.user, pk),
)


@bedarf_bearbeitbar
@submit_once
def bedarf_weiterleiten(request, bedarf):
    form = forms.WeiterleitenForm(request.POST or None, bedarf=bedarf, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.bedarf_weiterleiten(
                bedarf=bedarf,
                an=d["fachbereich"],
                frist=d["frist"],
                kontakt_email=d["kontakt_email"],
                nachricht=d["nachricht"],
                vorgaenger=d["vorgaenger"],
                von=request.user,
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(
                request, _("Der Bedarf wurde weitergeleitet; die E-Mail ist unterwegs.")
            )
            return redirect(bedarf)
    return render(
        request,
        "bedarfe/bedarf_aktion.html",
        {"form": form, "bedarf": bedarf, "aktion": _("Weiterleiten"), "einmal": True},
    )


class WeiterleitungListe(FilteredListView):
    """Open forwards of the user's quartiers, overdue first."""

    filterset_class = WeiterleitungFilter
    template_name = "bedarfe/weiterleitung_list.html"

    def get_queryset(self):
        return selectors.weiterleitungen_fuer(self.request.user)

    def page_queryset(self, queryset):
        return selectors.fuer_weiterleitungsliste(queryset)


weiterleitung_liste = WeiterleitungListe.as_view()


@weiterleitung_bearbeitbar
def weiterleitung_antwort_erfassen(request, w):
    """Staff record an answer that came by phone or letter."""
    form = forms.AntwortErfassenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.weiterleitung_beantworten(
                weiterleitung=w, von=request.user, **form.cleaned_data
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Die Antwort wurde eingetragen."))
            return redirect(w.bedarf)
    return render(
        request,
        "bedarfe/antwort_erfassen.html",
        {"form": form, "weiterleitung": w, "bedarf": w.bedarf},
    )


def _aktion(request, w, form, ausfuehren, *, erfolg: str, aktion: str):
    """A follow-up action on one forward: on a valid POST run the service, back to the need;
    otherwise (GET, or an error at the field) the small form page."""
    if request.method == "POST" and form.is_valid():
        try:
            ausfuehren(**form.cleaned_data)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, erfolg)
            return redirect(w)
    return render(
        request,
        "bedarfe/weiterleitung_aktion.html",
        {"form": form, "weiterleitung": w, "bedarf": w.bedarf, "aktion": aktion},
    )


@weiterleitung_bearbeitbar
def weiterleitung_zurueckziehen(request, w):
    return _aktion(
        request,
        w,
        forms.ZurueckziehenForm(request.POST or None),
        lambda grund: nachhalten.weiterleitung_zurueckziehen(
            weiterleitung=w, grund=grund, von=request.user
        ),
        erfolg=_("Die Weiterleitung wurde zurückgezogen; der Empfänger wird benachrichtigt."),
        aktion=_("Weiterleitung zurückziehen"),
    )


@weiterleitung_bearbeitbar
def weiterleitung_frist(request, w):
    return _aktion(
        request,
        w,
        forms.FristForm(request.POST or None),
        lambda frist: nachhalten.weiterleitung_frist_verlaengern(
            weiterleitung=w, frist=frist, von=request.user
        ),
        erfolg=_("Die Frist wurde verlängert; der Empfänger wird benachrichtigt."),
        aktion=_("Frist verlängern"),
    )


@weiterleitung_bearbeitbar
def weiterleitung_umleiten(request, w):
    return _aktion(
        request,
        w,
        forms.UmleitenForm(request.POST or None),
        lambda fachbereich: services.weiterleitung_umleiten(
            weiterleitung=w, an=fachbereich, von=request.user
        ),
        erfolg=_("Der Bedarf wurde umgeleitet; die E-Mail ist unterwegs."),
        aktion=_("Umleiten"),
    )


@require_POST
@weiterleitung_bearbeitbar
def weiterleitung_erinnern(request, w):
    try:
        nachhalten.weiterleitung_erinnern(weiterleitung=w, von=request.user)
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(request, _("Die Erinnerung ist unterwegs."))
    return redirect(w)


@login_not_required
@never_cache
def antwort(request, token):
    """The department's answer page: no login, a secret link, only this one need."""
    antwort = _antwort_seite(request, token)
    antwort["X-Robots-Tag"] = "noindex, nofollow"
    return antwort


def _antwort_seite(request, token):
    w = services.weiterleitung_zum_token(token)
    if w is None:
        return render(request, "bedarfe/antwort_ungueltig.html", {"grund": "unbekannt"}, status=404)
    if w.link_gueltig_bis < timezone.localdate():
        return render(
            request, "bedarfe/antwort_ungueltig.html", {"grund": "abgelaufen"}, status=410
        )
    if w.zurueckgezogen:
        return render(
            request, "bedarfe/antwort_ungueltig.html", {"grund": "zurueckgezogen"}, status=410
        )
    if w.beantwortet:
        return render(request, "bedarfe/antwort_danke.html", {"weiterleitung": w})
    form = forms.AntwortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.weiterleitung_beantworten(
                weiterleitung=w, ueber=Weiterleitung.Antwortweg.LINK, **form.cleaned_data
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            return redirect("bedarfe:antwort", token=token)
    return render(
        request, "bedarfe/antwort.html", {"form": form, "weiterleitung": w, "bedarf": w.bedarf}
    )
