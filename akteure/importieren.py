"""Import of actors from CSV or XLSX: check every row, show a preview, then save all or nothing.

Format (first row = column headers, order free, case-insensitive; only `name` and `art` are
required): name, art, strasse, plz, ort, email, telefon, website, handlungsfelder,
zielgruppen, beschreibung. `art` is a label such as "Verein" or "Wohlfahrtsverband";
handlungsfelder and zielgruppen are names separated by semicolons (a name may contain commas:
"Kinder, Jugend und Familie"). CSV is UTF-8 (with or without BOM) or Windows-1252, separated
by semicolons or commas.

Update mode: a row whose name matches an actor of the chosen quartier (among the actors the
user may read) updates that actor; only the columns present in the file are compared and
written. The preview marks each row new / changed (with the fields) / unchanged.

Why not django-import-export: the duplicate check and the matching must see only the actors
the user may read (a guessed name must not reveal another quartier's actor), new actors are
bulk-inserted with history for 20,000 rows, and the preview lives in this app's pages with
its permission decorator; the library's resources would need all of that overridden.
"""

import csv
import io
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from simple_history.utils import bulk_create_with_history

from quartiere.models import Handlungsfeld, Zielgruppe
from quartiersmanagement import shared_cache
from quartiersmanagement.versioning import EditConflict, save_with_version

from .models import Akteur

SPALTEN = [
    "name",
    "art",
    "strasse",
    "plz",
    "ort",
    "email",
    "telefon",
    "website",
    "handlungsfelder",
    "zielgruppen",
    "beschreibung",
]
BEISPIEL = [
    "Bürgerverein Musterviertel e. V.",
    "Verein",
    "Musterstraße 1",
    "52062",
    "Aachen",
    "info@buergerverein.example",
    "0241 123456",
    "https://buergerverein.example",
    "Nachbarschaft; Kinder, Jugend und Familie",
    "Familien; Ältere Menschen",
    "Fiktiver Beispielverein",
]
MAX_ZEILEN = 20_000
#: Separates several Handlungsfelder or Zielgruppen in one cell; no name contains it.
LISTENTRENNER = ";"
#: Columns compared and written in update mode (besides the name, which is the key).
FELDER = ["art", "strasse", "plz", "ort", "email", "telefon", "website", "beschreibung"]
LISTEN = ["handlungsfelder", "zielgruppen"]


class Status(models.TextChoices):
    NEU = "neu", gettext_lazy("neu")
    GEAENDERT = "geaendert", gettext_lazy("geändert")
    UNVERAENDERT = "unveraendert", gettext_lazy("unverändert")


@dataclass
class Zeile:
    nummer: int
    daten: dict
    fehler: list[str] = field(default_factory=list)
    status: str = Status.NEU
    akteur_id: int | None = None
    version: int | None = None
    #: [field, label, old value, new value] for each changed field, values as shown
    aenderungen: list[list[str]] = field(default_factory=list)
    #: labels for the preview: the Art's label, the names of the lists
    anzeige: dict = field(default_factory=dict)

    def get_status_display(self) -> str:
        return str(Status(self.status).label)


def _normalisiert(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def vorlage_xlsx() -> Workbook:
    mappe = Workbook()
    blatt = mappe.active
    blatt.title = "Akteure"
    blatt.append(SPALTEN)
    blatt.append(BEISPIEL)
    return mappe


def vorlage_csv() -> str:
    puffer = io.StringIO()
    writer = csv.writer(puffer, delimiter=";")
    writer.writerow(SPALTEN)
    writer.writerow(BEISPIEL)
    return "\ufeff" + puffer.getvalue()


def _zeilen_lesen(datei) -> list[list[str]]:
    """Rows of cells as text from an uploaded CSV or XLSX file."""
    datei.seek(0)
    kopf = datei.read(4)
    datei.seek(0)
    if kopf.startswith(b"PK\x03\x04"):
        try:
            mappe = load_workbook(datei, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for broken files
            raise ValidationError(_("Die Excel-Datei kann nicht gelesen werden.")) from exc
        blatt = mappe.worksheets[0]
        return [
            ["" if c is None else str(c).strip() for c in zeile]
            for zeile in blatt.iter_rows(values_only=True)
        ]
    roh = datei.read()
    for kodierung in ("utf-8-sig", "cp1252"):
        try:
            text = roh.decode(kodierung)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(_("Die CSV-Datei hat eine unbekannte Zeichenkodierung."))
    erste = text.split("\n", 1)[0]
    trenner = ";" if erste.count(";") >= erste.count(",") else ","
    return [
        [c.strip() for c in zeile] for zeile in csv.reader(io.StringIO(text), delimiter=trenner)
    ]


def _bestand(bekannte: QuerySet[Akteur], quartier) -> dict[str, dict]:
    """The actors of `quartier` among `bekannte`, by normalised name, with the compared values."""
    akteure = (
        Akteur.objects.filter(pk__in=bekannte.filter(quartiere=quartier).values("pk"))
        .only("pk", "name", "version", *FELDER)
        .prefetch_related("handlungsfelder", "zielgruppen")
    )
    bestand = {}
    for a in akteure:
        werte = {f: getattr(a, f) for f in FELDER}
        werte["handlungsfelder_ids"] = sorted(h.pk for h in a.handlungsfelder.all())
        werte["zielgruppen_ids"] = sorted(z.pk for z in a.zielgruppen.all())
        bestand[_normalisiert(a.name)] = {"pk": a.pk, "version": a.version, "werte": werte}
    return bestand


def _anzeigen(feld: str, wert, namen: dict) -> str:
    if feld == "art":
        return str(Akteur.Art(wert).label) if wert in Akteur.Art.values else wert
    if feld in LISTEN:
        return f"{LISTENTRENNER} ".join(namen[feld][i] for i in wert)
    return wert


def _vergleichen(zeile: Zeile, vorhanden: dict, kopf: list[str], namen: dict) -> None:
    """Mark the row changed or unchanged against the stored actor; only the file's columns."""
    zeile.akteur_id, zeile.version = vorhanden["pk"], vorhanden["version"]
    alt = vorhanden["werte"]
    for feld in FELDER + LISTEN:
        if feld not in kopf:
            continue
        schluessel = f"{feld}_ids" if feld in LISTEN else feld
        neu = sorted(zeile.daten[schluessel]) if feld in LISTEN else zeile.daten[feld]
        if feld == "ort":
            neu = neu or "Aachen"
        if alt[schluessel] != neu:
            label = str(Akteur._meta.get_field(feld).verbose_name)
            zeile.aenderungen.append(
                [feld, label, _anzeigen(feld, alt[schluessel], namen), _anzeigen(feld, neu, namen)]
            )
    zeile.status = Status.GEAENDERT if zeile.aenderungen else Status.UNVERAENDERT


def pruefen(
    datei, *, bekannte: QuerySet[Akteur], quartier=None, aktualisieren: bool = False
) -> list[Zeile]:
    """Read and check every row; nothing is saved. Raises ValidationError if the file as a
    whole is unusable (unreadable, no `name` column, too many rows). A duplicate name is
    looked up among `bekannte` only, the actors the user may read: the check must not tell
    whether an actor of another quartier exists. With `aktualisieren`, a name of an actor of
    `quartier` is no duplicate but the key of an update."""
    zeilen = _zeilen_lesen(datei)
    zeilen = [z for z in zeilen if any(z)]
    if not zeilen:
        raise ValidationError(_("Die Datei ist leer."))
    kopf = [k.strip().casefold() for k in zeilen[0]]
    if "name" not in kopf or "art" not in kopf:
        raise ValidationError(
            _("Die erste Zeile muss die Spaltennamen enthalten, mindestens „name“ und „art“.")
        )
    if len(zeilen) - 1 > MAX_ZEILEN:
        raise ValidationError(
            _("Höchstens %(n)s Zeilen auf einmal importieren.") % {"n": MAX_ZEILEN}
        )
    arten = {}
    for wert, label in Akteur.Art.choices:
        arten[wert.casefold()] = wert
        arten[str(label).casefold()] = wert
    namen = {
        "handlungsfelder": dict(Handlungsfeld.objects.values_list("pk", "name")),
        "zielgruppen": dict(Zielgruppe.objects.values_list("pk", "name")),
    }
    vorhandene = {_normalisiert(n) for n in bekannte.values_list("name", flat=True)}
    bestand = _bestand(bekannte, quartier) if aktualisieren and quartier is not None else {}
    url_pruefer = URLValidator()
    gesehen = {}
    ergebnis = []
    for nummer, zellen in enumerate(zeilen[1:], start=2):
        roh = {k: (zellen[i] if i < len(zellen) else "") for i, k in enumerate(kopf) if k}
        daten = {s: roh.get(s, "") for s in SPALTEN}
        zeile = Zeile(nummer=nummer, daten=daten)
        name = daten["name"]
        schluessel = _normalisiert(name)
        if not name:
            zeile.fehler.append(_("Der Name fehlt."))
        elif len(name) > 200:
            zeile.fehler.append(_("Der Name ist länger als 200 Zeichen."))
        elif schluessel in gesehen:
            zeile.fehler.append(
                _("Doppelt in der Datei (wie Zeile %(n)s).") % {"n": gesehen[schluessel]}
            )
        else:
            gesehen[schluessel] = nummer
            if schluessel in vorhandene and schluessel not in bestand:
                zeile.fehler.append(
                    _("Einen Akteur mit diesem Namen gibt es in Ihren Quartieren schon.")
                )
        art = arten.get(daten["art"].casefold())
        if art is None:
            zeile.fehler.append(_("Unbekannte Art „%(art)s“.") % {"art": daten["art"]})
        else:
            daten["art"] = art
        if daten["email"]:
            try:
                validate_email(daten["email"])
            except ValidationError:
                zeile.fehler.append(
                    _("Ungültige E-Mail-Adresse „%(email)s“.") % {"email": daten["email"]}
                )
        if daten["website"]:
            if not re.match(r"^https?://", daten["website"]):
                daten["website"] = "https://" + daten["website"]
            try:
                url_pruefer(daten["website"])
            except ValidationError:
                zeile.fehler.append(_("Ungültige Website."))
        for spalte, meldung in (
            ("handlungsfelder", _("Unbekanntes Handlungsfeld „%(name)s“.")),
            ("zielgruppen", _("Unbekannte Zielgruppe „%(name)s“.")),
        ):
            bekannt = {n.casefold(): pk for pk, n in namen[spalte].items()}
            ids = []
            for teil in [t.strip() for t in daten[spalte].split(LISTENTRENNER) if t.strip()]:
                if teil.casefold() in bekannt:
                    ids.append(bekannt[teil.casefold()])
                else:
                    zeile.fehler.append(meldung % {"name": teil})
            daten[f"{spalte}_ids"] = ids
        for spalte, laenge in (("strasse", 200), ("plz", 10), ("ort", 100), ("telefon", 50)):
            if len(daten[spalte]) > laenge:
                zeile.fehler.append(
                    _("„%(spalte)s“ ist zu lang (höchstens %(n)s Zeichen).")
                    % {"spalte": spalte, "n": laenge}
                )
        zeile.anzeige = {
            "art": _anzeigen("art", daten["art"], namen),
            **{s: _anzeigen(s, daten[f"{s}_ids"], namen) for s in LISTEN},
        }
        if not zeile.fehler and schluessel in bestand:
            _vergleichen(zeile, bestand[schluessel], kopf, namen)
        ergebnis.append(zeile)
    return ergebnis


def als_sitzungsdaten(zeilen: list[Zeile]) -> list[dict]:
    return [asdict(z) for z in zeilen]


def _aktualisieren(zeilen: list[dict], quartier, bekannte: QuerySet[Akteur]) -> int:
    """Write the changed fields of the matched actors; an actor changed since the preview (its
    version) or no longer readable in `quartier` stops the whole import."""
    geaendert = [z for z in zeilen if z.get("status") == Status.GEAENDERT]
    erlaubt = bekannte.filter(quartiere=quartier, pk__in=[z["akteur_id"] for z in geaendert])
    akteure = Akteur.objects.select_for_update().in_bulk(list(erlaubt.values_list("pk", flat=True)))
    for z in geaendert:
        akteur = akteure.get(z["akteur_id"])
        if akteur is None:
            raise ValidationError(
                _("Der Akteur aus Zeile %(n)s ist nicht mehr vorhanden; nichts importiert.")
                % {"n": z["nummer"]}
            )
        felder = [a[0] for a in z["aenderungen"]]
        for feld in felder:
            if feld in FELDER:
                setattr(akteur, feld, z["daten"][feld] or ("Aachen" if feld == "ort" else ""))
        akteur.full_clean(exclude=["version"], validate_unique=False, validate_constraints=False)
        try:
            save_with_version(akteur, expected_version=z["version"])
        except EditConflict as konflikt:
            raise ValidationError(
                _("„%(name)s“ wurde seit der Vorschau geändert; nichts importiert.")
                % {"name": akteur.name}
            ) from konflikt
        for liste in LISTEN:
            if liste in felder:
                getattr(akteur, liste).set(z["daten"][f"{liste}_ids"])
    return len(geaendert)


@transaction.atomic
def importieren(
    *, zeilen: list[dict], quartier, bekannte: QuerySet[Akteur], von=None
) -> dict[str, int]:
    """Save the checked rows: new actors of `quartier`, changes to matched ones; all or
    nothing. Returns how many were created and updated.

    Checks again inside the transaction against `bekannte` (as `pruefen`): an actor of the same
    name may have been created since the preview; any error rolls everything back."""
    if not zeilen:
        raise ValidationError(_("Es gibt keine Zeilen zu importieren."))
    if any(z["fehler"] for z in zeilen):
        raise ValidationError(
            _("Die Datei enthält fehlerhafte Zeilen; es wurde nichts importiert.")
        )
    neu = [z for z in zeilen if z.get("status", Status.NEU) == Status.NEU]
    vorhandene = {_normalisiert(n) for n in bekannte.values_list("name", flat=True)}
    doppelt = [z["nummer"] for z in neu if _normalisiert(z["daten"]["name"]) in vorhandene]
    if doppelt:
        raise ValidationError(
            _("Inzwischen gibt es Akteure gleichen Namens (Zeilen %(zeilen)s); nichts importiert.")
            % {"zeilen": ", ".join(map(str, doppelt))}
        )
    aktualisiert = _aktualisieren(zeilen, quartier, bekannte)
    akteure = [
        Akteur(
            name=z["daten"]["name"],
            art=z["daten"]["art"],
            strasse=z["daten"]["strasse"],
            plz=z["daten"]["plz"],
            ort=z["daten"]["ort"] or "Aachen",
            email=z["daten"]["email"],
            telefon=z["daten"]["telefon"],
            website=z["daten"]["website"],
            beschreibung=z["daten"]["beschreibung"],
        )
        for z in neu
    ]
    for akteur in akteure:
        akteur.full_clean(validate_unique=False, validate_constraints=False)
    angelegt = bulk_create_with_history(akteure, Akteur, batch_size=1000, default_user=von)
    if any(a.pk is None for a in angelegt):  # pragma: no cover - PostgreSQL returns ids
        raise ValidationError(_("Der Import ist fehlgeschlagen."))
    Akteur.quartiere.through.objects.bulk_create(
        [Akteur.quartiere.through(akteur_id=a.pk, quartier_id=quartier.pk) for a in angelegt],
        batch_size=2000,
    )
    Akteur.handlungsfelder.through.objects.bulk_create(
        [
            Akteur.handlungsfelder.through(akteur_id=a.pk, handlungsfeld_id=hid)
            for a, z in zip(angelegt, neu, strict=True)
            for hid in z["daten"]["handlungsfelder_ids"]
        ],
        batch_size=2000,
    )
    Akteur.zielgruppen.through.objects.bulk_create(
        [
            Akteur.zielgruppen.through(akteur_id=a.pk, zielgruppe_id=zid)
            for a, z in zip(angelegt, neu, strict=True)
            for zid in z["daten"]["zielgruppen_ids"]
        ],
        batch_size=2000,
    )
    # bulk_create sends no signals: content of the quartier (shared_cache) renews here (actors
    # entered it with their relations, a write of several kinds).
    shared_cache.changed(quartier_id=quartier.pk)
    return {"angelegt": len(angelegt), "aktualisiert": aktualisiert}
