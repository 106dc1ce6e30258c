"""Writes of the bedarfe app: record, add a mention, change status, merge, publish (the
forwards' writes are in `weiterleitungen.services`).

Every function takes keyword arguments, validates with German messages at the field and runs
in one transaction; every change of a need writes a Bedarfsereignis.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from quartiersmanagement import shared_cache
from quartiersmanagement.versioning import Versioned, save_with_version

from . import zeitleiste
from .models import Bedarf, Bedarfsereignis, Erhebung, Erhebungsdatei, Weiterleitung
from .weiterleitungen.nachhalten import offene_weiterleitungen_beenden

S = Bedarf.Status

#: Allowed manual status changes. WEITERGELEITET is reached by forwarding, ZUSAMMENGEFUEHRT
#: only by merging. Leaving a closed status (reopening) needs a reason.
UEBERGAENGE: dict[str, set[str]] = {
    S.NEU: {S.IN_PRUEFUNG, S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR},
    S.IN_PRUEFUNG: {S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR, S.ERLEDIGT},
    S.WEITERGELEITET: {S.IN_PRUEFUNG, S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR},
    S.IN_BEARBEITUNG: {S.ERLEDIGT, S.NICHT_UMSETZBAR, S.ZURUECKGESTELLT},
    S.ERLEDIGT: {S.IN_PRUEFUNG},
    S.NICHT_UMSETZBAR: {S.IN_PRUEFUNG},
    S.ZURUECKGESTELLT: {S.IN_PRUEFUNG},
    S.ZUSAMMENGEFUEHRT: set(),
}
WIEDEROEFFNEN_AUS = {S.ERLEDIGT, S.NICHT_UMSETZBAR, S.ZURUECKGESTELLT}


def erlaubte_uebergaenge(bedarf: Bedarf) -> list[str]:
    """The statuses a user may choose next, in workflow order."""
    moeglich = UEBERGAENGE.get(bedarf.status, set())
    return [s for s in S.values if s in moeglich]


# --- Erhebungen -------------------------------------------------------------------------------


@transaction.atomic
def erhebung_speichern(*, erhebung: Erhebung, dateien=(), von=None) -> Erhebung:
    """Create or update an assessment and attach uploaded files (already validated)."""
    erhebung.full_clean()
    erhebung.save()
    for datei in dateien:
        anhang = Erhebungsdatei(erhebung=erhebung, datei=datei, dateiname=datei.name[:255])
        anhang.full_clean()
        anhang.save()
    return erhebung


# --- Bedarfe ----------------------------------------------------------------------------------


@transaction.atomic
def bedarf_anlegen(*, quartier, titel: str, von, zielgruppen=(), **felder) -> Bedarf:
    """Record a need; the timeline starts with 'erfasst'."""
    bedarf = Bedarf(quartier=quartier, titel=(titel or "").strip(), erfasst_von=von, **felder)
    if bedarf.erhebung_id and bedarf.erhebung.quartier_id != quartier.pk:
        raise ValidationError({"erhebung": _("Die Erhebung gehört zu einem anderen Quartier.")})
    bedarf.full_clean(exclude=["suchvektor"])
    bedarf.save()
    bedarf.zielgruppen.set(zielgruppen)
    zeitleiste.ereignis(bedarf, Bedarfsereignis.Art.ERSTELLT, von=von, neu=bedarf.status)
    return bedarf


#: Default of `bedarf_aendern`'s fields: the caller leaves the field as it is.
UNVERAENDERT = object()


@transaction.atomic
def bedarf_aendern(
    *,
    bedarf: Bedarf,
    von,
    titel=UNVERAENDERT,
    beschreibung=UNVERAENDERT,
    handlungsfeld=UNVERAENDERT,
    quelle=UNVERAENDERT,
    erhebung=UNVERAENDERT,
    gemeldet_am=UNVERAENDERT,
    ort=UNVERAENDERT,
    lage=UNVERAENDERT,
    prioritaet=UNVERAENDERT,
    nennungen=UNVERAENDERT,
    zielgruppen=None,
    version=None,
) -> Bedarf:
    """Change a need's data; notes who changed it on the timeline. Only the fields named here:
    the status changes through `bedarf_status_aendern` (the workflow), the quartier never.
    A field left out keeps its value.

    With `version` (the one the edit form was built from) a concurrent save by someone else
    raises EditConflict instead of being overwritten."""
    felder = {
        name: wert
        for name, wert in {
            "titel": titel,
            "beschreibung": beschreibung,
            "handlungsfeld": handlungsfeld,
            "quelle": quelle,
            "erhebung": erhebung,
            "gemeldet_am": gemeldet_am,
            "ort": ort,
            "lage": lage,
            "prioritaet": prioritaet,
            "nennungen": nennungen,
        }.items()
        if wert is not UNVERAENDERT
    }
    # Compare with the stored row: a ModelForm has already written its values to `bedarf`.
    spalten = {feld: Bedarf._meta.get_field(feld).attname for feld in felder}
    alt = Bedarf.objects.filter(pk=bedarf.pk).values(*spalten.values()).get()
    geaendert = []
    for feld, wert in felder.items():
        if alt[spalten[feld]] != getattr(wert, "pk", wert):
            geaendert.append(str(Bedarf._meta.get_field(feld).verbose_name))
        setattr(bedarf, feld, wert)
    bedarf.titel = (bedarf.titel or "").strip()
    if bedarf.erhebung_id and bedarf.erhebung.quartier_id != bedarf.quartier_id:
        raise ValidationError({"erhebung": _("Die Erhebung gehört zu einem anderen Quartier.")})
    bedarf.full_clean(exclude=["suchvektor", "version"])
    if version is None:
        bedarf.save()
    else:
        save_with_version(bedarf, expected_version=version)
    if zielgruppen is not None:
        vorher = set(bedarf.zielgruppen.values_list("pk", flat=True))
        if vorher != {z.pk for z in zielgruppen}:
            geaendert.append(str(Bedarf._meta.get_field("zielgruppen").verbose_name))
            bedarf.zielgruppen.set(zielgruppen)
    if geaendert:
        zeitleiste.ereignis(
            bedarf,
            Bedarfsereignis.Art.KOMMENTAR,
            von=von,
            kommentar=_("Angaben geändert: %(felder)s.") % {"felder": ", ".join(geaendert)},
        )
    return bedarf


@transaction.atomic
def bedarf_status_aendern(*, bedarf: Bedarf, status: str, von, kommentar: str = "") -> Bedarf:
    """Move a need along the workflow; only the transitions of UEBERGAENGE are allowed."""
    bedarf = Bedarf.objects.select_for_update().get(pk=bedarf.pk)
    if status not in UEBERGAENGE.get(bedarf.status, set()):
        raise ValidationError(
            {
                "status": _("Von „%(alt)s“ kann der Status nicht auf „%(neu)s“ wechseln.")
                % {"alt": bedarf.get_status_display(), "neu": _status_name(status)}
            }
        )
    if bedarf.status in WIEDEROEFFNEN_AUS and not kommentar.strip():
        raise ValidationError(
            {"kommentar": _("Bitte begründen Sie, warum der Bedarf wieder geöffnet wird.")}
        )
    zeitleiste.status_setzen(bedarf, status, von=von, kommentar=kommentar.strip())
    if status in Bedarf.ABGESCHLOSSEN:
        # A closed need owes nobody an answer: its open forwards end, the addressees are told.
        offene_weiterleitungen_beenden(
            bedarf=bedarf,
            grund=_("Der Bedarf ist abgeschlossen (%(status)s).")
            % {"status": _status_name(status)},
            von=von,
        )
    return bedarf


def _status_name(status) -> str:
    return dict(S.choices).get(status, str(status))


@transaction.atomic
def bedarf_nennung_hinzufuegen(
    *,
    bedarf: Bedarf,
    quelle: str,
    gemeldet_am: datetime.date,
    von,
    erhebung: Erhebung | None = None,
    notiz: str = "",
) -> Bedarf:
    """One more mention of an existing need (instead of recording a duplicate): the mentions
    rise by one, the timeline notes source and date. The version rises too, so an edit form
    open on the need does not save its stale number of mentions over it."""
    bedarf = Bedarf.objects.select_for_update().get(pk=bedarf.pk)
    fehler = {}
    if bedarf.status == S.ZUSAMMENGEFUEHRT:
        fehler["bedarf"] = _("Dieser Bedarf wurde zusammengeführt; bitte beim Ziel nennen.")
    if quelle not in Bedarf.Quelle.values:
        fehler["quelle"] = _("Bitte wählen Sie eine Quelle.")
    if erhebung is not None and erhebung.quartier_id != bedarf.quartier_id:
        fehler["erhebung"] = _("Die Erhebung gehört zu einem anderen Quartier.")
    if fehler:
        raise ValidationError(fehler)
    Bedarf.objects.filter(pk=bedarf.pk).update(
        nennungen=F("nennungen") + 1, version=F("version") + 1
    )
    bedarf.refresh_from_db(fields=["nennungen", "version"])
    kommentar = _("Genannt am %(datum)s, Quelle: %(quelle)s") % {
        "datum": gemeldet_am.strftime("%d.%m.%Y"),
        "quelle": Bedarf.Quelle(quelle).label,
    }
    if erhebung is not None:
        kommentar += f" ({erhebung})"
    if notiz.strip():
        kommentar += ".\n" + notiz.strip()
    zeitleiste.ereignis(bedarf, Bedarfsereignis.Art.NENNUNG, von=von, kommentar=kommentar)
    # The update() sends no signal: content of the quartier in the shared cache renews.
    shared_cache.changed(quartier_id=bedarf.quartier_id, model="bedarfe.bedarf")
    return bedarf


@transaction.atomic
def bedarf_kommentieren(*, bedarf: Bedarf, kommentar: str, von) -> Bedarfsereignis:
    if not kommentar.strip():
        raise ValidationError({"kommentar": _("Bitte geben Sie einen Kommentar ein.")})
    return zeitleiste.ereignis(
        bedarf, Bedarfsereignis.Art.KOMMENTAR, von=von, kommentar=kommentar.strip()
    )


@transaction.atomic
def bedarf_zusammenfuehren(*, quelle: Bedarf, ziel: Bedarf, von) -> Bedarf:
    """Merge `quelle` into `ziel`: mentions add up, forwards, Zielgruppen and links of other
    apps move to `ziel`, both timelines stay (the target's page shows the source's events too),
    and `quelle` points to `ziel` with status 'zusammengeführt'."""
    gesperrt = {
        b.pk: b for b in Bedarf.objects.select_for_update().filter(pk__in=[quelle.pk, ziel.pk])
    }
    if quelle.pk == ziel.pk:
        raise ValidationError(
            {"ziel": _("Ein Bedarf kann nicht mit sich selbst zusammengeführt werden.")}
        )
    quelle, ziel = gesperrt[quelle.pk], gesperrt[ziel.pk]
    if quelle.quartier_id != ziel.quartier_id:
        raise ValidationError(
            {"ziel": _("Nur Bedarfe desselben Quartiers lassen sich zusammenführen.")}
        )
    if quelle.status == S.ZUSAMMENGEFUEHRT or ziel.status == S.ZUSAMMENGEFUEHRT:
        raise ValidationError({"ziel": _("Dieser Bedarf wurde schon zusammengeführt.")})

    # The source's open forwards end before they move along: the duplicate owes no answer.
    offene_weiterleitungen_beenden(
        bedarf=quelle,
        grund=_("Der Bedarf wurde mit „%(ziel)s“ zusammengeführt.") % {"ziel": ziel.titel},
        von=von,
    )
    # The version rises with the mentions and Zielgruppen: an edit form open on the target
    # would otherwise save its stale values over them.
    Bedarf.objects.filter(pk=ziel.pk).update(
        nennungen=F("nennungen") + quelle.nennungen, version=F("version") + 1
    )
    ziel.refresh_from_db(fields=["nennungen", "version"])
    ziel.zielgruppen.add(*quelle.zielgruppen.all())
    Weiterleitung.objects.filter(bedarf=quelle).update(bedarf=ziel)
    Bedarf.objects.filter(zusammengefuehrt_in=quelle).update(zusammengefuehrt_in=ziel)
    _verknuepfungen_umhaengen(quelle, ziel)
    # The update()s send no signals: content of the quartier in the shared cache renews
    # (for every app: the links of other apps moved too).
    shared_cache.changed(quartier_id=ziel.quartier_id)

    alt = quelle.status
    quelle.status = S.ZUSAMMENGEFUEHRT
    quelle.zusammengefuehrt_in = ziel
    quelle.save(update_fields=["status", "zusammengefuehrt_in", "geaendert"])
    zeitleiste.ereignis(
        quelle,
        Bedarfsereignis.Art.ZUSAMMENGEFUEHRT,
        von=von,
        alt=alt,
        neu=S.ZUSAMMENGEFUEHRT,
        kommentar=_("Zusammengeführt in „%(ziel)s“.") % {"ziel": ziel.titel},
    )
    zeitleiste.ereignis(
        ziel,
        Bedarfsereignis.Art.ZUSAMMENGEFUEHRT,
        von=von,
        kommentar=_("„%(quelle)s“ hierher zusammengeführt (%(n)s Nennungen).")
        % {"quelle": quelle.titel, "n": quelle.nennungen},
    )
    return ziel


def _verknuepfungen_umhaengen(quelle: Bedarf, ziel: Bedarf) -> None:
    """Move links that other apps (e.g. projekte) hold to `quelle` over to `ziel`, without
    importing them: every many-to-many relation and foreign key to Bedarf declared elsewhere."""
    for rel in Bedarf._meta.related_objects:
        if rel.related_model._meta.app_label == Bedarf._meta.app_label:
            continue  # own relations are handled explicitly above
        if rel.many_to_many:
            _m2m_umhaengen(rel.through, quelle, ziel)
        elif rel.one_to_many:
            feld = rel.field.name
            rel.related_model._default_manager.filter(**{feld: quelle}).update(**{feld: ziel})


def _m2m_umhaengen(through, quelle: Bedarf, ziel: Bedarf) -> None:
    bedarf_feld = next(
        f.name for f in through._meta.fields if f.is_relation and f.related_model is Bedarf
    )
    anderes_feld = next(
        f.name
        for f in through._meta.fields
        if f.is_relation and f.related_model is not Bedarf and not f.primary_key
    )
    schon_am_ziel = through.objects.filter(**{bedarf_feld: ziel}).values(anderes_feld)
    through.objects.filter(**{bedarf_feld: quelle, f"{anderes_feld}__in": schon_am_ziel}).delete()
    anderes_modell = through._meta.get_field(anderes_feld).related_model
    if issubclass(anderes_modell, Versioned):
        # An edit form open on e.g. a project would put its stale list of needs back.
        anderes_modell._default_manager.filter(
            pk__in=through.objects.filter(**{bedarf_feld: quelle}).values(anderes_feld)
        ).update(version=F("version") + 1)
    through.objects.filter(**{bedarf_feld: quelle}).update(**{bedarf_feld: ziel})


@transaction.atomic
def antwort_freigeben(*, bedarf: Bedarf, oeffentlich: bool, oeffentliche_antwort: str, von):
    """Approve (or withdraw) a need and its answer for the public pages."""
    if oeffentlich and not oeffentliche_antwort.strip():
        raise ValidationError(
            {"oeffentliche_antwort": _("Bitte geben Sie den Text ein, der öffentlich erscheint.")}
        )
    bedarf.oeffentlich = oeffentlich
    bedarf.oeffentliche_antwort = oeffentliche_antwort.strip()
    bedarf.save(update_fields=["oeffentlich", "oeffentliche_antwort", "geaendert"])
    zeitleiste.ereignis(
        bedarf,
        Bedarfsereignis.Art.FREIGEGEBEN,
        von=von,
        kommentar=bedarf.oeffentliche_antwort
        if oeffentlich
        else _("Veröffentlichung zurückgenommen."),
    )
    return bedarf
