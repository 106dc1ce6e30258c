"""Import of actors from CSV or XLSX: check every row, show a preview, then save all or nothing.

Format (first row = column headers, order free, case-insensitive; only `name` and `art` are
required): name, art, strasse, plz, ort, email, telefon, website, handlungsfelder,
zielgruppen, beschreibung. `art` is a label such as "Verein" or "Wohlfahrtsverband";
handlungsfelder and zielgruppen are names separated by commas. CSV is UTF-8 (with or without
BOM) or Windows-1252, separated by semicolons or commas.
"""

import csv
import io
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from simple_history.utils import bulk_create_with_history

from quartiere.models import Handlungsfeld, Zielgruppe
from quartiersmanagement import shared_cache

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
    "Nachbarschaft, Kultur",
    "Familien, Ältere Menschen",
    "Fiktiver Beispielverein",
]
MAX_ZEILEN = 20_000


@dataclass
class Zeile:
    nummer: int
    daten: dict
    fehler: list[str] = field(default_factory=list)


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


def pruefen(datei, *, bekannte: QuerySet[Akteur]) -> list[Zeile]:
    """Read and check every row; nothing is saved. Raises ValidationError if the file as a
    whole is unusable (unreadable, no `name` column, too many rows). A duplicate name is
    looked up among `bekannte` only, the actors the user may read: the check must not tell
    whether an actor of another quartier exists."""
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
    felder = {h.name.casefold(): h.pk for h in Handlungsfeld.objects.all()}
    gruppen = {z.name.casefold(): z.pk for z in Zielgruppe.objects.all()}
    vorhandene = {_normalisiert(n) for n in bekannte.values_list("name", flat=True)}
    url_pruefer = URLValidator()
    gesehen = {}
    ergebnis = []
    for nummer, zellen in enumerate(zeilen[1:], start=2):
        roh = {k: (zellen[i] if i < len(zellen) else "") for i, k in enumerate(kopf) if k}
        daten = {s: roh.get(s, "") for s in SPALTEN}
        zeile = Zeile(nummer=nummer, daten=daten)
        name = daten["name"]
        if not name:
            zeile.fehler.append(_("Der Name fehlt."))
        elif len(name) > 200:
            zeile.fehler.append(_("Der Name ist länger als 200 Zeichen."))
        else:
            schluessel = _normalisiert(name)
            if schluessel in vorhandene:
                zeile.fehler.append(
                    _("Einen Akteur mit diesem Namen gibt es in Ihren Quartieren schon.")
                )
            elif schluessel in gesehen:
                zeile.fehler.append(
                    _("Doppelt in der Datei (wie Zeile %(n)s).") % {"n": gesehen[schluessel]}
                )
            else:
                gesehen[schluessel] = nummer
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
        for spalte, bekannt, meldung in (
            ("handlungsfelder", felder, _("Unbekanntes Handlungsfeld „%(name)s“.")),
            ("zielgruppen", gruppen, _("Unbekannte Zielgruppe „%(name)s“.")),
        ):
            ids = []
            for teil in [t.strip() for t in daten[spalte].split(",") if t.strip()]:
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
        ergebnis.append(zeile)
    return ergebnis


def als_sitzungsdaten(zeilen: list[Zeile]) -> list[dict]:
    return [asdict(z) for z in zeilen]


@transaction.atomic
def importieren(*, zeilen: list[dict], quartier, bekannte: QuerySet[Akteur], von=None) -> int:
    """Save the checked rows as actors of `quartier`: all or nothing.

    Checks again inside the transaction against `bekannte` (as `pruefen`): an actor of the same
    name may have been created since the preview; any error rolls everything back."""
    if not zeilen:
        raise ValidationError(_("Es gibt keine Zeilen zu importieren."))
    if any(z["fehler"] for z in zeilen):
        raise ValidationError(
            _("Die Datei enthält fehlerhafte Zeilen; es wurde nichts importiert.")
        )
    vorhandene = {_normalisiert(n) for n in bekannte.values_list("name", flat=True)}
    doppelt = [z["nummer"] for z in zeilen if _normalisiert(z["daten"]["name"]) in vorhandene]
    if doppelt:
        raise ValidationError(
            _("Inzwischen gibt es Akteure gleichen Namens (Zeilen %(zeilen)s); nichts importiert.")
            % {"zeilen": ", ".join(map(str, doppelt))}
        )
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
        for z in zeilen
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
            for a, z in zip(angelegt, zeilen, strict=True)
            for hid in z["daten"]["handlungsfelder_ids"]
        ],
        batch_size=2000,
    )
    Akteur.zielgruppen.through.objects.bulk_create(
        [
            Akteur.zielgruppen.through(akteur_id=a.pk, zielgruppe_id=zid)
            for a, z in zip(angelegt, zeilen, strict=True)
            for zid in z["daten"]["zielgruppen_ids"]
        ],
        batch_size=2000,
    )
    # bulk_create sends no signals: the quartier's network (shared_cache) renews here.
    shared_cache.changed(quartier_id=quartier.pk)
    return len(angelegt)
