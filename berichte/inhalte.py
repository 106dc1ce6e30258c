"""What a funder reads next to the figures: the projects with their goals, status and results,
the assessments held, the committee meetings with their decisions, and the public-relations
work (public events; news items come from `oeffentlichkeit` through `report_parts`). One query
per list over the report's windows (`kennzahlen.Fenster`).

Reports hold no personal data: projects, committees, places and counts only; a decision's
text appears only for a public committee (others show the result alone)."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from akteure.models import Beschluss, Sitzung
from bedarfe.models import Erhebung
from projekte.models import Projekt, Termin
from quartiersmanagement import report_parts
from quartiersmanagement.report_parts import im_fenster

from .abschnitte import Section
from .kennzahlen import projekte_im_fenster


def _zeitraum(von, bis) -> str:
    if not (von or bis):
        return "–"
    return (
        f"{von.strftime('%d.%m.%Y') if von else '…'} – {bis.strftime('%d.%m.%Y') if bis else '…'}"
    )


def projektliste(fenster) -> Section:
    """The projects that ran in the windows, by title: goals, status, period and result."""
    projekte = (
        Projekt.objects.filter(
            pk__in=Projekt.objects.filter(projekte_im_fenster(fenster)).values("pk")
        )
        .only("titel", "ziele", "status", "beginn", "ende", "ergebnis")
        .order_by("titel", "pk")
    )
    return Section(
        _("Projekte im Einzelnen"),
        [_("Projekt"), _("Ziele"), _("Status"), _("Zeitraum"), _("Ergebnis")],
        [
            [
                p.titel,
                p.ziele,
                p.get_status_display(),
                _zeitraum(p.beginn, p.ende),
                p.ergebnis or "–",
            ]
            for p in projekte
        ],
    )


def erhebungsliste(fenster) -> Section:
    """The assessments held in the windows, by date."""
    erhebungen = (
        Erhebung.objects.filter(im_fenster(fenster, "quartier", "datum"))
        .select_related("quartier")
        .only("datum", "titel", "methode", "teilnehmende", "quartier__name")
        .order_by("datum", "pk")
    )
    return Section(
        _("Erhebungen"),
        [_("Datum"), _("Quartier"), _("Methode"), _("Titel"), _("Teilnehmende")],
        [
            [e.datum, e.quartier.name, e.get_methode_display(), e.titel, e.teilnehmende]
            for e in erhebungen
        ],
    )


def _beschluesse(sitzung) -> str:
    if not sitzung.beschluesse_liste:
        return "–"
    if not sitzung.gremium.oeffentlich:
        angenommen = sum(b.angenommen for b in sitzung.beschluesse_liste)
        return _("%(n)s Beschlüsse, davon %(angenommen)s angenommen (nicht öffentlich)") % {
            "n": len(sitzung.beschluesse_liste),
            "angenommen": angenommen,
        }
    return "; ".join(
        f"{b.text} ({_('angenommen') if b.angenommen else _('abgelehnt')})"
        for b in sitzung.beschluesse_liste
    )


def sitzungsliste(fenster) -> Section:
    """The committee meetings held in the windows with their decisions (two queries)."""
    sitzungen = (
        Sitzung.objects.filter(
            im_fenster(fenster, "gremium__quartier", "beginn", zeitpunkt=True),
            status=Sitzung.Status.DURCHGEFUEHRT,
        )
        .select_related("gremium")
        .only("beginn", "titel", "gremium__name", "gremium__oeffentlich")
        .prefetch_related(
            Prefetch(
                "beschluesse",
                queryset=Beschluss.objects.only("sitzung_id", "text", "ja", "nein").order_by("pk"),
                to_attr="beschluesse_liste",
            )
        )
        .order_by("beginn", "pk")
    )
    return Section(
        _("Gremiensitzungen und Beschlüsse"),
        [_("Datum"), _("Gremium"), _("Sitzung"), _("Beschlüsse")],
        [[s.beginn.date(), s.gremium.name, s.titel or "–", _beschluesse(s)] for s in sitzungen],
    )


def oeffentlichkeitsarbeit(fenster) -> Section:
    """The public events held in the windows (not cancelled) with their participants."""
    termine = (
        Termin.objects.filter(
            im_fenster(fenster, "quartier", "beginn", zeitpunkt=True),
            oeffentlich=True,
            abgesagt=False,
        )
        .only("beginn", "titel", "ort", "teilnehmende")
        .order_by("beginn", "pk")
    )
    return Section(
        _("Öffentlichkeitsarbeit"),
        [_("Datum"), _("Veranstaltung"), _("Ort"), _("Teilnehmende")],
        [[t.beginn.date(), t.titel, t.ort or "–", t.teilnehmende] for t in termine],
    )


def inhalte(fenster) -> list[Section]:
    """The four lists in the order the reports print them, then those other apps registered
    (`quartiersmanagement.report_parts`, e.g. the news items of the public pages)."""
    return [
        projektliste(fenster),
        erhebungsliste(fenster),
        sitzungsliste(fenster),
        oeffentlichkeitsarbeit(fenster),
        *(
            Section(str(p.title), [str(c) for c in p.columns], p.rows(fenster))
            for p in report_parts.parts()
        ),
    ]
