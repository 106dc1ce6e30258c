"""Meetings: planning, invitation, agenda, attendance and action items. While the minutes are
a draft everything can be changed and deleted; the services refuse it after the release."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartiersmanagement.history import history_for
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.permissions import permission

from ...views.helpers import formularseite
from .. import einladung, exports, selectors, services
from ..filters import AufgabeFilter
from ..forms import (
    AnwesenheitForm,
    AufgabeForm,
    EinladungForm,
    SitzungForm,
    TagesordnungspunktForm,
    TeilnahmeForm,
)
from .gremien import gremium_bearbeitbar

__all__ = [
    "sitzung_neu",
    "sitzung_detail",
    "sitzung_bearbeiten",
    "sitzung_einladen",
    "top_neu",
    "top_bearbeiten",
    "top_loeschen",
    "teilnahme_neu",
    "teilnahme_loeschen",
    "anwesenheit",
    "aufgabe_neu",
    "aufgabe_bearbeiten",
    "aufgabe_loeschen",
    "aufgabe_erledigt",
    "aufgabe_liste",
]


@gremium_bearbeitbar
def sitzung_neu(request, gremium):
    form = SitzungForm(request.POST or None, initial={"ort": ""})
    form.fields.pop("protokoll")
    form.fields.pop("status")
    return formularseite(
        request,
        form,
        titel=_("Sitzung von „%(gremium)s“ planen") % {"gremium": gremium},
        zurueck=gremium.get_absolute_url(),
        speichern=lambda f: services.sitzung_anlegen(gremium=gremium, **f.cleaned_data),
    )


@require_safe
def sitzung_detail(request, pk):
    sitzung = selectors.sitzung_detail(request.user, pk)
    darf = request.user.has_perm("akteure.change_sitzung", sitzung)
    return render(
        request,
        "akteure/sitzung_detail.html",
        {
            "sitzung": sitzung,
            "darf_bearbeiten": darf,
            "entwurf": darf and not sitzung.protokoll_freigegeben,
            "heute": timezone.localdate(),
            "verlauf": history_for(sitzung),
        },
    )


#: A meeting of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
sitzung_bearbeitbar = permission(
    "akteure.change_sitzung", obj=lambda request, pk: selectors.sitzung_fuer(request.user, pk)
)
#: An agenda item / attendance row: its meeting's permission.
top_bearbeitbar = permission(
    "akteure.change_tagesordnungspunkt",
    obj=lambda request, pk: selectors.top_fuer(request.user, pk),
)


@sitzung_bearbeitbar
def sitzung_bearbeiten(request, sitzung):
    form = SitzungForm(request.POST or None, instance=sitzung)
    return formularseite(
        request,
        form,
        titel=_("Sitzung bearbeiten"),
        zurueck=sitzung.get_absolute_url(),
        speichern=lambda f: services.sitzung_aendern(sitzung=sitzung, **f.cleaned_data),
    )


@sitzung_bearbeitbar
def sitzung_einladen(request, sitzung):
    """Preview of the invitation (agenda, title, free text); POST sends it."""
    stand = sitzung.eingeladen_am.isoformat() if sitzung.eingeladen_am else ""
    form = EinladungForm(
        request.POST if request.method == "POST" else None, initial={"stand": stand}
    )
    nur_vorschau = "vorschau" in request.POST
    if request.method == "POST" and form.is_valid() and not nur_vorschau:
        try:
            anzahl = einladung.sitzung_einladen(
                sitzung=sitzung,
                von=request.user,
                text=form.cleaned_data["text"],
                stand=form.cleaned_data["stand"],
            )
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(
                request, _("Einladung an %(n)s Mitglieder verschickt.") % {"n": anzahl}
            )
        return redirect(sitzung)
    text = form.data.get("text", "") if form.is_bound else ""
    return render(
        request,
        "akteure/einladung.html",
        {
            "sitzung": sitzung,
            "form": form,
            "vorschau": einladung.einladung_vorschau(sitzung=sitzung, von=request.user, text=text),
        },
        status=400 if request.method == "POST" and not nur_vorschau else 200,
    )


def _sitzungsformular(request, sitzung, *, form_klasse, service, titel, form_kwargs=None):
    """A form page that adds one thing to a meeting through `service(sitzung=..., **data)`;
    `form_kwargs(sitzung)` gives the form's extra arguments."""
    form = form_klasse(request.POST or None, **(form_kwargs(sitzung) if form_kwargs else {}))

    def speichern(f):
        service(sitzung=sitzung, **f.cleaned_data)
        return sitzung.get_absolute_url()

    return formularseite(
        request, form, titel=titel, zurueck=sitzung.get_absolute_url(), speichern=speichern
    )


def _loeschen(request, sitzung, loeschen, erfolg: str):
    """POST only: delete through the service; its refusal (released minutes) as a message."""
    try:
        loeschen()
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(request, erfolg)
    return redirect(sitzung)


@sitzung_bearbeitbar
def top_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=TagesordnungspunktForm,
        service=services.top_anlegen,
        titel=_("Tagesordnungspunkt anlegen"),
    )


@top_bearbeitbar
def top_bearbeiten(request, top):
    form = TagesordnungspunktForm(request.POST or None, instance=top)
    return formularseite(
        request,
        form,
        titel=_("TOP %(n)s bearbeiten") % {"n": top.nummer},
        zurueck=top.sitzung.get_absolute_url(),
        speichern=lambda f: services.top_aendern(top=top, **f.cleaned_data) and top.sitzung,
    )


@require_POST
@top_bearbeitbar
def top_loeschen(request, top):
    return _loeschen(
        request,
        top.sitzung,
        lambda: services.top_loeschen(top=top),
        _("Tagesordnungspunkt gelöscht."),
    )


@sitzung_bearbeitbar
def teilnahme_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=TeilnahmeForm,
        service=services.teilnahme_erfassen,
        titel=_("Teilnahme erfassen"),
        form_kwargs=lambda s: {"user": request.user, "sitzung": s},
    )


@require_POST
@permission(
    "akteure.change_teilnahme",
    obj=lambda request, pk: selectors.teilnahme_fuer(request.user, pk),
)
def teilnahme_loeschen(request, teilnahme):
    return _loeschen(
        request,
        teilnahme.sitzung,
        lambda: services.teilnahme_loeschen(teilnahme=teilnahme),
        _("Teilnahme gelöscht."),
    )


@sitzung_bearbeitbar
def anwesenheit(request, sitzung):
    """Attendance of all members on one page (a table), plus the count of residents."""
    form = AnwesenheitForm(request.POST or None, sitzung=sitzung)

    def speichern(f):
        services.anwesenheit_erfassen(
            sitzung=sitzung, eintraege=f.eintraege(), anwohnende=f.cleaned_data["anwohnende"]
        )
        return sitzung.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Anwesenheit erfassen"),
        zurueck=sitzung.get_absolute_url(),
        speichern=speichern,
        hinweis=_("Gäste und Personen ohne Mitgliedschaft über „Teilnahme erfassen“."),
        vorlage="akteure/anwesenheit.html",
    )


@sitzung_bearbeitbar
def aufgabe_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=AufgabeForm,
        service=services.aufgabe_anlegen,
        titel=_("Aufgabe festhalten"),
        form_kwargs=lambda s: {"user": request.user, "quartier": s.gremium.quartier},
    )


aufgabe_bearbeitbar = permission(
    "akteure.change_aufgabe", obj=lambda request, pk: selectors.aufgabe_fuer(request.user, pk)
)


def _zurueck(aufgabe) -> str:
    return aufgabe.sitzung.get_absolute_url() if aufgabe.sitzung_id else reverse("akteure:aufgaben")


@aufgabe_bearbeitbar
def aufgabe_bearbeiten(request, aufgabe):
    form = AufgabeForm(
        request.POST or None, instance=aufgabe, user=request.user, quartier=aufgabe.quartier
    )

    def speichern(f):
        services.aufgabe_aendern(aufgabe=aufgabe, **f.cleaned_data)
        return _zurueck(aufgabe)

    return formularseite(
        request,
        form,
        titel=_("Aufgabe bearbeiten"),
        zurueck=_zurueck(aufgabe),
        speichern=speichern,
    )


@require_POST
@aufgabe_bearbeitbar
def aufgabe_loeschen(request, aufgabe):
    ziel = _zurueck(aufgabe)
    try:
        services.aufgabe_loeschen(aufgabe=aufgabe)
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(request, _("Aufgabe gelöscht."))
    return redirect(ziel)


class AufgabeListe(ExportMixin, FilteredListView):
    """Action items of the user's quartiers, filtered (e.g. ?quartier=<pk>&ueberfaellig=true);
    `?format=csv|xlsx` exports exactly the filtered items."""

    filterset_class = AufgabeFilter
    template_name = "akteure/aufgabe_list.html"
    export_filename = "aufgaben"

    def get_queryset(self):
        return selectors.aufgaben_fuer(self.request.user)

    def export_columns(self):
        return exports.aufgaben_spalten()


aufgabe_liste = AufgabeListe.as_view()


@require_POST
@aufgabe_bearbeitbar
def aufgabe_erledigt(request, aufgabe):
    services.aufgabe_erledigen(aufgabe=aufgabe)
    messages.success(request, _("Aufgabe als erledigt markiert."))
    ziel = request.POST.get("weiter", "")
    if not ziel.startswith("/") or ziel.startswith("//"):
        ziel = aufgabe.sitzung.get_absolute_url() if aufgabe.sitzung else "/"
    return redirect(ziel)
