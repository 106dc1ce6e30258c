"""Export columns of the project and event lists, and the fund's year ledger; built per
export, so headers and labels are in the active language."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Column


def _namen(objekte) -> str:
    return ", ".join(str(o) for o in objekte.all())


def projekt_spalten() -> list[Column]:
    """Columns of the project list export."""
    return [
        Column(_("Titel"), lambda p: p.titel),
        Column(_("Quartiere"), lambda p: _namen(p.quartiere)),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Rolle des QM"), lambda p: p.get_qm_rolle_display()),
        Column(_("Programm"), lambda p: str(p.programm) if p.programm else ""),
        Column(_("Beginn"), lambda p: p.beginn),
        Column(_("Ende"), lambda p: p.ende),
        Column(_("Handlungsfelder"), lambda p: _namen(p.handlungsfelder)),
        Column(_("Zielgruppen"), lambda p: _namen(p.zielgruppen)),
        Column(_("Öffentlich"), lambda p: p.oeffentlich),
        Column(_("Ziele"), lambda p: p.ziele),
    ]


def termin_spalten() -> list[Column]:
    """Columns of the event list export."""
    return [
        Column(_("Beginn"), lambda t: t.beginn),
        Column(_("Ende"), lambda t: t.ende),
        Column(_("Titel"), lambda t: t.titel),
        Column(_("Quartier"), lambda t: t.quartier.name),
        Column(_("Projekt"), lambda t: t.projekt.titel if t.projekt else ""),
        Column(_("Ort"), lambda t: t.ort),
        Column(_("Öffentlich"), lambda t: t.oeffentlich),
        Column(_("Abgesagt"), lambda t: t.abgesagt),
        Column(_("Teilnehmende"), lambda t: t.teilnehmende),
        Column(_("Ehrenamtliche"), lambda t: t.ehrenamtliche),
        Column(_("Ehrenamtsstunden"), lambda t: t.ehrenamtsstunden),
    ]
