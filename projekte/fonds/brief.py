"""The letters to an applicant of the Stadtteilfonds (decision now, settlement later): the
recipient, salutation, reference and signature of a `Fondsantrag`, around the common letter
layout of `quartiersmanagement.letters` (template `pdf/brief.html`)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement.letters import address_lines, letter_context, salutation


def antrag_brief_kontext(antrag, *, betreff: str, datum=None) -> dict:
    """The letter context for `antrag`: an actor's name and address, or the private
    applicant's; the contact person's salutation; the application's reference number (the
    same `SF-<Jahr>-…` for paper and online applications); signed by the deciding staff
    member for the quartier's QM."""
    quartier = antrag.fonds.quartier
    anrede = antrag.antragsteller_anrede
    if antrag.akteur_id:
        akteur = antrag.akteur
        empfaenger = address_lines(
            organisation=akteur.name,
            anrede=anrede,
            name=antrag.antragsteller_name,
            anschrift=[akteur.strasse, f"{akteur.plz} {akteur.ort}"],
        )
    else:
        empfaenger = address_lines(
            organisation=antrag.antragsteller_organisation,
            anrede=anrede,
            name=antrag.antragsteller_name,
            anschrift=antrag.antragsteller_anschrift,
        )
    von = antrag.entschieden_von
    unterschrift = [von.get_full_name() or von.username] if von else []
    unterschrift.append(_("Quartiersmanagement %(quartier)s") % {"quartier": quartier.name})
    ansprechpartner = [_("Quartiersmanagement %(quartier)s") % {"quartier": quartier.name}]
    if quartier.kontakt_email:
        ansprechpartner.append(quartier.kontakt_email)
    return letter_context(
        empfaenger=empfaenger,
        anrede=salutation(anrede=anrede, name=antrag.antragsteller_name),
        betreff=betreff,
        datum=datum or antrag.entschieden_am or timezone.localdate(),
        unser_zeichen=antrag.referenz,
        ansprechpartner=ansprechpartner,
        unterschrift=unterschrift,
    )
