"""Writes of the berichte app: the free texts of a report."""

from django.db import IntegrityError, transaction

from quartiersmanagement.versioning import EditConflict, save_with_version

from .models import Berichtstext


@transaction.atomic
def berichtstext_speichern(
    *,
    quartier=None,
    jahr=None,
    programm=None,
    von=None,
    bis=None,
    version: int | None = None,
    erwartet_neu: bool = False,
    **texte,
) -> Berichtstext:
    """Create or change the texts of a Jahresbericht (quartier, jahr) or a Sachbericht
    (programm, von, bis). With `version` (the one the form was built from) a concurrent save
    raises EditConflict; so does, with `erwartet_neu` (a form for new texts), a record
    someone else created meanwhile."""
    schluessel = (
        {"quartier": quartier, "jahr": jahr}
        if quartier is not None
        else {"programm": programm, "von": von, "bis": bis}
    )
    text = Berichtstext.objects.filter(**schluessel).first()
    if text is None:
        text = Berichtstext(**schluessel, **{k: (v or "").strip() for k, v in texte.items()})
        text.full_clean()
        try:
            with transaction.atomic():
                text.save()
        except IntegrityError:
            raise EditConflict(Berichtstext.objects.get(**schluessel)) from None
        return text
    if erwartet_neu:
        raise EditConflict(text)
    for feld, wert in texte.items():
        setattr(text, feld, (wert or "").strip())
    text.full_clean(exclude=["version"])
    if version is None:
        text.save()
    else:
        save_with_version(text, expected_version=version)
    return text
